//! A minimal PNG encoder: 8-bit grayscale, zlib "stored" (uncompressed) blocks. Small,
//! dependency-free and byte-for-byte deterministic.

fn crc32(bytes: &[u8]) -> u32 {
	let mut crc = 0xffff_ffffu32;
	for &b in bytes {
		crc ^= b as u32;
		for _ in 0..8 {
			crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
		}
	}
	!crc
}

fn adler32(bytes: &[u8]) -> u32 {
	let (mut a, mut b) = (1u32, 0u32);
	for &x in bytes {
		a = (a + x as u32) % 65_521;
		b = (b + a) % 65_521;
	}
	(b << 16) | a
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
	out.extend_from_slice(&(data.len() as u32).to_be_bytes());
	let start = out.len();
	out.extend_from_slice(kind);
	out.extend_from_slice(data);
	let crc = crc32(&out[start..]);
	out.extend_from_slice(&crc.to_be_bytes());
}

/// Encodes `pixels` (row-major, `width × height` gray levels) as a PNG file.
pub fn encode_gray(width: u32, height: u32, pixels: &[u8]) -> Vec<u8> {
	let mut raw = Vec::with_capacity(pixels.len() + height as usize);
	for row in pixels.chunks(width as usize) {
		raw.push(0); // filter: none
		raw.extend_from_slice(row);
	}
	let mut zlib = vec![0x78, 0x01];
	let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
	for (i, block) in blocks.iter().enumerate() {
		zlib.push(u8::from(i + 1 == blocks.len()));
		let len = block.len() as u16;
		zlib.extend_from_slice(&len.to_le_bytes());
		zlib.extend_from_slice(&(!len).to_le_bytes());
		zlib.extend_from_slice(block);
	}
	zlib.extend_from_slice(&adler32(&raw).to_be_bytes());

	let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
	let mut ihdr = Vec::with_capacity(13);
	ihdr.extend_from_slice(&width.to_be_bytes());
	ihdr.extend_from_slice(&height.to_be_bytes());
	ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit, grayscale, deflate, no filter, no interlace
	chunk(&mut png, b"IHDR", &ihdr);
	chunk(&mut png, b"IDAT", &zlib);
	chunk(&mut png, b"IEND", &[]);
	png
}
