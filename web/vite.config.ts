import { defineConfig } from 'vite';

// A static single-page console: every byte it shows comes from the node it connects to.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2048 },
  preview: { host: '127.0.0.1', strictPort: true },
  // The SDK is linked from ../sdk/ts, which has its own node_modules: bundle one copy of
  // the polkadot packages the SDK and the extension share (the console's), not two.
  resolve: {
    dedupe: ['@polkadot/api', '@polkadot/keyring', '@polkadot/types', '@polkadot/util', '@polkadot/util-crypto'],
  },
});
