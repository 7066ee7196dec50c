/** The tables a source's SQL reads (after `from` or `join`), to check that each one raises the case version. */
export function tablesReadBy(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)(?=\s|$|\))/gi)].map((m) => m[1].toLowerCase()))].filter(
    (name) => !['lateral', 'unnest', 'generate_series'].includes(name),
  );
}
