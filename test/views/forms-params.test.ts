// The forms grid's URL and choices: page numbers that stay exact, rules that can flag a form, regions cut at whole levels.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/audit/rules';
import {
	FORM_RULE_IDS,
	gridSearch,
	readGridSearch,
	regionLevels
} from '../../src/lib/views/forms-params';

describe('the grid’s page number', () => {
	it('reads a whole number from 1 that stays exact; anything else is the first page', () => {
		expect(readGridSearch('?page=3').page).toBe(3);
		expect(readGridSearch(`?page=${Number.MAX_SAFE_INTEGER}`).page).toBe(Number.MAX_SAFE_INTEGER);
		for (const bad of ['100000000000000000000', '9007199254740993', '0', '-2', '2.5', '1e3', 'x'])
			expect(readGridSearch(`?page=${bad}`).page, bad).toBe(1);
		// The first page is the default: it leaves the URL.
		expect(gridSearch(readGridSearch('?page=100000000000000000000'))).toBe('?');
	});
});

describe('the grid’s rule filter', () => {
	it('offers every rule that flags a form, and no unit-wide rule (their flags have no form)', () => {
		const unitWide = RULES.filter((r) => r.scope === 'unit').map((r) => r.id);
		expect(unitWide).toEqual(['static_targets', 'low_targets', 'qualitative_heavy']);
		expect([...FORM_RULE_IDS].sort()).toEqual(
			RULES.filter((r) => r.scope !== 'unit')
				.map((r) => r.id)
				.sort()
		);
		for (const id of unitWide) expect(readGridSearch(`?rule=${id}`).rule, id).toBeNull();
		expect(readGridSearch('?rule=full_marks_on_miss').rule).toBe('full_marks_on_miss');
		expect(readGridSearch('?rule=any').rule).toBe('any');
	});
});

describe('regionLevels', () => {
	it('cuts only after a whole level, never inside a name that holds 州, 市 or 区', () => {
		expect(regionLevels(['浙江省杭州市'])).toEqual(['浙江省', '浙江省杭州市']);
		expect(regionLevels(['湖南省株洲市渌口区']).sort()).toEqual(
			['湖南省', '湖南省株洲市', '湖南省株洲市渌口区'].sort()
		);
		expect(regionLevels(['广东省广州市天河区']).sort()).toEqual(
			['广东省', '广东省广州市', '广东省广州市天河区'].sort()
		);
		expect(regionLevels(['湖北省荆州市沙市区']).sort()).toEqual(
			['湖北省', '湖北省荆州市', '湖北省荆州市沙市区'].sort()
		);
		expect(regionLevels(['广西壮族自治区南宁市']).sort()).toEqual(
			['广西壮族自治区', '广西壮族自治区南宁市'].sort()
		);
		expect(regionLevels(['新疆维吾尔自治区阿克苏地区库车市']).sort()).toEqual(
			['新疆维吾尔自治区', '新疆维吾尔自治区阿克苏地区', '新疆维吾尔自治区阿克苏地区库车市'].sort()
		);
		expect(regionLevels(['湖北省恩施土家族苗族自治州']).sort()).toEqual(
			['湖北省', '湖北省恩施土家族苗族自治州'].sort()
		);
		expect(regionLevels(['内蒙古自治区锡林郭勒盟正蓝旗']).sort()).toEqual(
			['内蒙古自治区', '内蒙古自治区锡林郭勒盟', '内蒙古自治区锡林郭勒盟正蓝旗'].sort()
		);
	});

	it('offers a region that does not end in a level whole only, once each, nulls left out', () => {
		expect(regionLevels(['某市开发区管委会', null, '浙江省杭州市', '浙江省杭州市'])).toEqual(
			['某市开发区管委会', '浙江省', '浙江省杭州市'].sort((a, b) => a.localeCompare(b, 'zh-CN'))
		);
	});
});
