// The list of units, computed at build time.
import { dataset } from '$lib/server/dataset';
import { run } from '$lib/queries/query';
import { unitList } from '$lib/queries/unit';

export async function load() {
	return { units: await run(await dataset(), unitList()) };
}
