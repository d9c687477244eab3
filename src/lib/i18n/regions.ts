// Texts of the region level (地区): the hierarchy province → city → county, a region's overview and the ranking of its children.
import type { Msg, RegionLevel } from '../schema';
import { m } from './messages';

export const R = {
	nav: m('地区', 'Regions'),
	title: m('地区', 'Regions'),
	lede: m(
		'按行政区划代码分级：省（前 2 位）、市（前 4 位）、县区（6 位）。点开一个地区，看它一年的总览和下级排名，再到单位。',
		'Regions by administrative code: province (first 2 digits), city (first 4), county (all 6). Open a region for its overview of a year and the ranking of what lies below it, down to the units.'
	),
	treeCaption: m('全部省、市、县区及其单位数', 'Every province, city and county with its units'),
	unitsUnder: m('{n} 个单位', '{n} units'),
	noRegions: m(
		'数据中没有带行政区划代码的单位。',
		'No unit in the data has an administrative region code.'
	),
	regionYear: m('{name} · {year} 年度', '{name} · {year}'),
	codeLabel: m('区划代码', 'Region code'),
	crumbs: m('所在地区', 'Region'),
	allRegions: m('全部地区', 'All regions'),
	kpiUnits: m('有自评表的单位', 'Units with forms'),
	rankingOf: m('下级排名：{level}', 'Ranking: {level}'),
	rankingHint: m(
		'当年有自评表的下级地区或单位；金额、执行率与得分只计部门整体表，得分为中位数（百分制）。',
		'Regions or units below with forms that year; money, execution rate and score count department forms only, the score is the median (of 100).'
	),
	search: m('搜索名称或代码', 'Search a name or code'),
	go: m('搜索', 'Search'),
	searchLabel: m('在排名中搜索', 'Search the ranking'),
	noMatch: m('没有名称或代码包含“{q}”的下级。', 'Nothing below has “{q}” in its name or code.'),
	noForms: m('{year} 年这里没有自评表。', 'No forms here in {year}.'),
	name: m('名称', 'Name'),
	kind: m('类别', 'Kind'),
	medianScore: m('自评得分中位数', 'Median self-score'),
	unitsCount: m('单位数', 'Units'),
	synthetic: m(
		'本地区的单位为合成演示数据，地名与数字均为虚构。',
		'The units of this region are synthetic demo data: places and figures are fictional.'
	)
};

/** A level's name, and what its children are called. */
export const LEVEL_NAMES: Record<RegionLevel | 'unit', { one: Msg; many: Msg }> = {
	province: { one: m('省', 'Province'), many: m('各省', 'Provinces') },
	city: { one: m('市', 'City'), many: m('各市', 'Cities') },
	county: { one: m('县区', 'County'), many: m('各县区', 'Counties') },
	unit: { one: m('单位', 'Unit'), many: m('各单位', 'Units') }
};
