/** A few DOM helpers: the console builds its pages from plain elements. */

type Child = Node | string | number | null | undefined | false;

/** An element with attributes (`on…` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, unknown> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'dataset' && typeof value === 'object') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link to a route of the console. */
export function link(route: string, text: Child): HTMLAnchorElement {
  return h('a', { href: `#/${route}` }, text);
}

/** `5GrwvaEF…oHGKutQY`: an address shortened for tables, in full on hover. */
export function shortAddress(address: string): HTMLElement {
  const short = address.length > 16 ? `${address.slice(0, 8)}…${address.slice(-6)}` : address;
  return h('span', { title: address, class: 'address' }, short);
}

/** A `label: value` grid. */
export function facts(pairs: [string, Child][]): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) append(dl, [h('dt', {}, label), h('dd', {}, value)]);
  return dl;
}

/** A column of a {@link table}. */
export interface Column<Row> {
  title: string;
  cell: (row: Row) => Child;
  /** Sort key; a column without one cannot be sorted. */
  key?: (row: Row) => string | number | bigint;
}

/** How a table is sorted: by which column, which way. Kept by a page across redraws. */
export interface SortState {
  by: number;
  ascending: boolean;
}

/**
 * A table; clicking a sortable column's header sorts by it (again: the other way). A
 * page that redraws the table passes the same `sort` each time, so the order stays.
 */
export function table<Row>(
  columns: Column<Row>[],
  rows: Row[],
  testId: string,
  sort: SortState = { by: -1, ascending: true },
): HTMLTableElement {
  const tbody = h('tbody');
  const render = () => {
    const sorted = [...rows];
    const ascending = sort.ascending;
    const column = columns[sort.by];
    if (column?.key) {
      const key = column.key;
      sorted.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
    }
    replace(
      tbody,
      ...sorted.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row))))),
    );
    if (rows.length === 0) replace(tbody, h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, 'none')));
  };
  const head = h(
    'tr',
    {},
    ...columns.map((c, i) =>
      h(
        'th',
        c.key
          ? {
              class: 'sortable',
              onclick: () => {
                sort.ascending = sort.by === i ? !sort.ascending : true;
                sort.by = i;
                render();
              },
            }
          : {},
        c.title,
      ),
    ),
  );
  render();
  return h('table', { 'data-testid': testId }, h('thead', {}, head), tbody);
}
