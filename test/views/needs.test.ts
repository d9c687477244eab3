// Each view's needs cover its query: the same SQL over only the partitions a filter needs gives the answer it gives over everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';
import { createAllSql } from '../../src/lib/db/load';
import { PartLoader } from '../../src/lib/db/part-loader';
import type { Need } from '../../src/lib/db/parts';
import type { Connector } from '../../src/lib/db/connector';
import { auditPageData, type FlagFilter } from '../../src/lib/queries/audit';
import { compareData } from '../../src/lib/queries/compare';
import { formsPage, type FormFilter } from '../../src/lib/queries/forms';
import { indicatorsData } from '../../src/lib/queries/indicators';
import { overviewData } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { regionPage } from '../../src/lib/queries/regions';
import { trendsData } from '../../src/lib/queries/trends';
import { projectHistory, projects, type ProjectFilter } from '../../src/lib/queries/unit';
import { loadUnitProfile, loadUnitYear } from '../../src/lib/views/unit/load';
import {
	auditNeeds,
	compareNeeds,
	formsNeeds,
	indicatorsNeeds,
	overviewNeeds,
	projectsNeeds,
	regionNeeds,
	trendsNeeds,
	unitNeeds
} from '../../src/lib/views/needs';
import { bundledDir, openBundled } from '../helpers/built';
import { diskFetch, readManifestOf } from '../helpers/parts';

const REF = '430212-jiwei';
const DEMO = '990501-jiwei-1';

interface Case {
	name: string;
	needs: Need[];
	ask: (db: Connector) => Promise<unknown>;
}

const audit = (f: FlagFilter): Case => ({
	name: `audit ${JSON.stringify(f)}`,
	needs: auditNeeds(f),
	ask: (db) => auditPageData(db, f)
});
const forms = (f: FormFilter): Case => ({
	name: `forms ${JSON.stringify(f)}`,
	needs: formsNeeds(f),
	ask: (db) => formsPage(db, f, { page: 1, pageSize: 25 })
});
const projectList = (f: ProjectFilter): Case => ({
	name: `projects ${JSON.stringify(f)}`,
	needs: projectsNeeds(f),
	ask: (db) => run(db, projects(f))
});

const CASES: Case[] = [
	...[2016, 2023, 2025].map((y) => ({
		name: `overview ${y}`,
		needs: overviewNeeds(y),
		ask: (db: Connector) => overviewData(db, y)
	})),
	{
		// Rows of a unit loaded first, then the year's: the same rows once, the same sums.
		name: 'overview 2023 after two unit pages',
		needs: [...unitNeeds(DEMO), ...unitNeeds(REF), ...overviewNeeds(2023)],
		ask: (db: Connector) => overviewData(db, 2023)
	},
	...[REF, DEMO].flatMap((u) => [
		{ name: `unit ${u}`, needs: unitNeeds(u), ask: (db: Connector) => loadUnitProfile(db, u) },
		{
			name: `unit ${u} 2023`,
			needs: unitNeeds(u),
			ask: (db: Connector) => loadUnitYear(db, u, 2023)
		}
	]),
	audit({}),
	audit({ year: 2023 }),
	audit({ unitId: REF }),
	audit({ unitId: DEMO, year: 2020 }),
	audit({ rule: 'full_marks_on_miss', year: 2024 }),
	forms({}),
	forms({ yearFrom: 2023, yearTo: 2023, sort: 'gap_pct', dir: 'desc' }),
	forms({ yearFrom: 2021, yearTo: 2023, form: 'project', rule: 'any' }),
	forms({ yearFrom: 2022, yearTo: 2024, rule: 'full_marks_on_miss' }),
	forms({ yearTo: 2019, sort: 'exec_rate', dir: 'asc' }),
	forms({ yearFrom: 2024, rule: 'exec_over_100' }),
	forms({ unitId: REF }),
	projectList({ year: 2023 }),
	projectList({ unitId: DEMO }),
	{
		name: 'project history',
		needs: unitNeeds(DEMO),
		ask: async (db) => {
			const [p] = await run(db, projects({ unitId: DEMO }));
			return run(db, projectHistory(DEMO, p.project_name ?? ''));
		}
	},
	{
		name: 'indicators 2023',
		needs: indicatorsNeeds(2023),
		ask: (db) => indicatorsData(db, 2023, '资金')
	},
	{
		name: 'indicators all years',
		needs: indicatorsNeeds(null),
		ask: (db) => indicatorsData(db, null, '')
	},
	{ name: 'trends', needs: trendsNeeds(), ask: (db) => trendsData(db) },
	...[
		['99', 2023],
		['9905', 2024],
		['430212', 2023]
	].map(([code, year]) => ({
		name: `region ${code} ${year}`,
		needs: regionNeeds(year as number),
		ask: (db: Connector) =>
			regionPage(db, code as string, {
				year: year as number,
				q: null,
				sort: null,
				dir: null,
				page: 1,
				pageSize: 25
			})
	})),
	{
		name: 'compare',
		needs: compareNeeds([REF, DEMO]),
		ask: (db) => compareData(db, [REF, DEMO], 'cases_filed', 2023)
	}
];

let full: Connector;
let dispose: () => Promise<void>;
beforeAll(async () => {
	({ db: full, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

describe('a view’s needs cover what its query reads', () => {
	it.each(CASES.map((c) => [c.name, c] as const))(
		'%s',
		async (_, c) => {
			const dir = bundledDir();
			const part = await NodeConnector.open();
			try {
				await part.exec(createAllSql());
				const seen: string[] = [];
				const loader = new PartLoader(readManifestOf(dir).parts, part, diskFetch(dir, seen));
				await loader.loadBase();
				await loader.ensure(c.needs);
				const want = await c.ask(full);
				expect(await c.ask(part)).toEqual(want);
				// Exactly the files its needs name, and the base: no other year's or unit's file.
				const named = new Set(c.needs.flatMap((n) => loader.pathsOf(n)));
				expect(named.size).toBeGreaterThan(0);
				expect(new Set(seen)).toEqual(new Set(['parts/base.bin', ...named]));
			} finally {
				await part.close();
			}
		},
		60_000
	);
});
