/** A page of the console: its element, redrawn after every block while it is shown. */
export interface Page {
  element: HTMLElement;
  /** Redraws from the chain (called once at show, then after every block). */
  render: () => Promise<void> | void;
  /** Called when the page is left. */
  dispose?: () => void;
}
