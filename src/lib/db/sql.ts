// SQL text for names and values: the one way a name becomes an identifier and a string a literal (db/ and queries/ build SQL with them).

/** A quoted SQL identifier (a table or column name). */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL string literal for any text. DuckDB's parser ends a literal at a NUL character, so a text
 * holding one becomes a concatenation with chr(0) (the same string, NUL included); other control
 * characters are fine inside quotes. A lone surrogate (not text) becomes U+FFFD, as UTF-8 would.
 */
export function sqlString(s: string): string {
	const text = s.replace(
		/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		'\ufffd'
	);
	const quoted = (t: string) => `'${t.replaceAll("'", "''")}'`;
	if (!text.includes('\0')) return quoted(text);
	return `(${text.split('\0').map(quoted).join(' || chr(0) || ')})`;
}
