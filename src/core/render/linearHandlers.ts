// Two of mdast-util-to-hast's handlers look at every sibling of the node they turn into HTML, which costs
// quadratic time in a long list or table: a list item asks whether its whole list is loose (every item
// of a tight list is checked, for each item), and a table row finds its own index in the table. The 2 MB
// release notes of the benchmark (one list of 8,000 items) spent 1.5 s of a 2.2 s render there.
//
// The stock handlers still do the work; they are given a parent that answers in constant time: for a
// list, a stand-in with the list's looseness worked out once; for a row, a stand-in in which the row is
// first when it is the table's first row (its head) and second otherwise.

import { defaultHandlers, type Handlers } from 'mdast-util-to-hast';
import type { List, ListItem, Table, TableRow } from 'mdast';

/** A list item is loose when spread, or, not told, when it holds more than one block (as to-hast reads it). */
const itemLoose = (item: ListItem): boolean => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread);

const listStandIns = new WeakMap<List, List>();

function listStandIn(list: List): List {
  let standIn = listStandIns.get(list);
  if (!standIn) {
    standIn = { type: 'list', spread: !!list.spread || list.children.some(itemLoose), children: [] };
    listStandIns.set(list, standIn);
  }
  return standIn;
}

const BODY_ROW_BEFORE: TableRow = { type: 'tableRow', children: [] };

export const linearHandlers: Handlers = {
  listItem: (state, node: ListItem, parent) =>
    defaultHandlers.listItem(state, node, parent?.type === 'list' ? listStandIn(parent) : parent),
  tableRow: (state, node: TableRow, parent) => {
    if (parent?.type !== 'table') return defaultHandlers.tableRow(state, node, parent);
    const table = parent as Table;
    const children = table.children[0] === node ? [node] : [BODY_ROW_BEFORE, node];
    return defaultHandlers.tableRow(state, node, { type: 'table', align: table.align, children });
  },
};
