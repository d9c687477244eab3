// Spreadsheet formula injection: a text cell that starts with = + - @ (or tab/CR) is prefixed with '
// so Excel shows it as text (OWASP "CSV Injection"); numbers are never touched.

const RISKY = /^[=+\-@\t\r]/;

export function neutralize(value: string): string {
	return RISKY.test(value) ? `'${value}` : value;
}
