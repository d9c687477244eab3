// A region's page, prerendered for every province, city and county code some unit carries.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { loadRegion, regionCodes } from '$lib/views/regions/load';

export async function entries() {
	return (await regionCodes(await dataset())).map((code) => ({ code }));
}

export async function load({ params }) {
	const region = await loadRegion(await dataset(), params.code);
	if (!region) error(404, `没有这个地区 no region ${params.code}`);
	return region;
}
