// Colours and fonts shared by every chart, so published and synthetic data look the same everywhere.

/** Single-quoted: the family list goes into the prerendered SVG's style="…" attributes. */
export const FONT =
	"'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const COLOR = {
	published: '#9b1c1c',
	synthetic: '#6b8fb5',
	below: '#d97706',
	line: '#b91c1c',
	axis: '#6b7280',
	grid: '#e5e7eb'
};

/** Stripes that mark synthetic (demo) data in any bar chart. */
export const SYNTHETIC_DECAL = {
	symbol: 'rect',
	symbolSize: 1,
	dashArrayX: [1, 0],
	dashArrayY: [2, 3],
	rotation: Math.PI / 4,
	color: 'rgba(255,255,255,0.55)'
};

/** A unit name on an axis or in a legend: cut with … at 160 px (tooltips show it whole). */
export const NAME_LABEL = { width: 160, overflow: 'truncate' } as const;
