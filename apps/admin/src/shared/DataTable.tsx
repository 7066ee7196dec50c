import { Table, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { HorizontalScroll } from './HorizontalScroll';

/** One column: its header, what each row shows in it, and how the cell sits. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: TableTdProps['ta'];
  width?: number | string;
  /** Cell props that depend on the row (a colour, a title). */
  cellProps?: (row: Row) => Omit<TableTdProps, 'children'>;
}

/**
 * The admin's one table: columns describe what a row shows, the component draws header, rows and the
 * horizontal scroll a phone needs (a focusable, named region: axe's scrollable-region-focusable). Loading, empty and error states stay with `QueryState` around it.
 */
export function DataTable<Row>(props: {
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Below this width the table scrolls sideways instead of squeezing its columns (in a region named `label`, which takes keyboard focus). */
  minWidth?: number;
  /** What the table holds, for the scroll region (screen readers name it, keyboard users can focus and scroll it). */
  label?: string;
  striped?: boolean;
  highlightOnHover?: boolean;
  caption?: ReactNode;
  testId?: string;
  /** Attributes of a row (`data-testid`, an `aria-label`, a background). */
  rowProps?: (row: Row) => Record<string, unknown>;
  /** Rows drawn under the data rows (a total). */
  footer?: ReactNode;
}) {
  const columns = props.columns.filter((column): column is Column<Row> => Boolean(column));
  const table = (
    <Table striped={props.striped} highlightOnHover={props.highlightOnHover} data-testid={props.testId}>
      {props.caption && <Table.Caption>{props.caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} ta={column.align} w={column.width}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
            {columns.map((column) => (
              <Table.Td key={column.key} ta={column.align} {...column.cellProps?.(row)}>
                {column.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      {props.footer && <Table.Tfoot>{props.footer}</Table.Tfoot>}
    </Table>
  );
  return props.minWidth ? (
    <HorizontalScroll label={props.label ?? ''} minWidth={props.minWidth}>
      {table}
    </HorizontalScroll>
  ) : (
    table
  );
}
