// The search index ready to search: its base, and its parts read as a query needs them (fetched when published, in memory when built here); exact substring hits, grouped and ranked.
import type { Provenance } from '../schema';
import {
	cutOf,
	decodeRecords,
	frontDecode,
	INDEX_VERSION,
	keyHash,
	partName,
	undelta,
	type IndexBase,
	type PostingPart,
	type RecordPart,
	type SerializedIndex,
	type TextPart
} from './format';
import { bigrams, fold, mergeRanges, occurrences, queryTerms, words } from './text';
import {
	FIELD_CODES,
	FIELD_RANK,
	GROUP_OF,
	GROUPS,
	kindOf,
	type Field,
	type Group,
	type Hit,
	type HitPlace,
	type SearchResult
} from './types';

export { INDEX_VERSION, type SerializedIndex };

/** Reads a part by name (`b3`, `t12`, …): fetched and inflated when published, at hand when built here. */
export type PartReader = (name: string) => Promise<unknown>;

const provenance = (flag: number): Provenance => (flag ? 'synthetic' : 'published');

/** An index ready to search: its base, and a reader for its parts. */
export class SearchIndex {
	readonly base: IndexBase;
	private readonly read: PartReader;
	private readonly parts = new Map<string, Promise<unknown>>();
	private readonly folded = new Map<number, string[]>();
	private readonly postings = new Map<string, number[] | null>();
	private readonly indForm: number[];
	private readonly formIds: string[];
	private readonly recordParts = new Map<number, Promise<number[][]>>();

	constructor(base: IndexBase, read: PartReader) {
		if (base.version !== INDEX_VERSION)
			throw new Error(`search index version ${base.version}, expected ${INDEX_VERSION}`);
		this.base = base;
		this.read = read;
		this.indForm = undelta(base.indicators.form);
		this.formIds = frontDecode(base.forms.id);
	}

	/** An index built here (imported data, tests): every part in memory. */
	static of(index: SerializedIndex): SearchIndex {
		return new SearchIndex(index.base, (name) => {
			const part = index.parts[name];
			return part === undefined
				? Promise.reject(new Error(`search index: no part ${name}`))
				: Promise.resolve(part);
		});
	}

	/** How many records (unit, form and indicator fields with text) the index holds. */
	get records(): number {
		return this.base.records;
	}

	/** The parts read so far, by name. */
	get loaded(): string[] {
		return [...this.parts.keys()];
	}

	private part<T>(name: string): Promise<T> {
		let p = this.parts.get(name);
		if (!p) {
			p = this.read(name);
			this.parts.set(name, p);
			// A part that failed is read again next time.
			p.catch(() => this.parts.delete(name));
		}
		return p as Promise<T>;
	}

	/** Reads the posting lists of keys (once each); absent keys are remembered as null. */
	private async loadPostings(map: 'bigrams' | 'words', keys: string[]): Promise<void> {
		const n = this.base.cuts[map];
		const name = map === 'bigrams' ? partName.bigrams : partName.words;
		const todo = keys.filter((k) => !this.postings.has(`${map[0]}${k}`));
		await Promise.all(
			todo.map(async (k) => {
				const part = await this.part<PostingPart>(name(keyHash(k) % n));
				const coded = Object.hasOwn(part, k) ? part[k] : undefined;
				this.postings.set(`${map[0]}${k}`, coded ? undelta(coded) : null);
			})
		);
	}

	private list(map: 'bigrams' | 'words', key: string): number[] | null {
		return this.postings.get(`${map[0]}${key}`) ?? null;
	}

	/** Reads the text parts holding these ids (all when null), and keeps them folded. */
	private async loadTexts(ids: number[] | null): Promise<void> {
		const cuts = this.base.cuts.texts;
		const wanted =
			ids === null ? cuts.map((_, n) => n) : [...new Set(ids.map((id) => cutOf(cuts, id)))];
		await Promise.all(
			wanted
				.filter((n) => !this.folded.has(n))
				.map(async (n) => {
					const texts = await this.part<TextPart>(partName.texts(n));
					this.folded.set(n, texts.map(fold));
				})
		);
	}

	/** A text as stored (its part read before). */
	private async texts(ids: number[]): Promise<Map<number, string>> {
		const cuts = this.base.cuts.texts;
		const out = new Map<number, string>();
		for (const id of ids) {
			const n = cutOf(cuts, id);
			out.set(id, (await this.part<TextPart>(partName.texts(n)))[id - cuts[n]]);
		}
		return out;
	}

	private foldedText(id: number): string {
		const cuts = this.base.cuts.texts;
		const n = cutOf(cuts, id);
		return this.folded.get(n)![id - cuts[n]];
	}

	/** The records of each id (row × 16 + field code), their parts read. */
	private async recordsOf(ids: number[]): Promise<Map<number, number[]>> {
		const cuts = this.base.cuts.records;
		const wanted = [...new Set(ids.map((id) => cutOf(cuts, id)))];
		const parts = new Map(
			await Promise.all(wanted.map(async (n) => [n, await this.recordPart(n)] as const))
		);
		const out = new Map<number, number[]>();
		for (const id of ids) {
			const n = cutOf(cuts, id);
			out.set(id, parts.get(n)![id - cuts[n]]);
		}
		return out;
	}

	/** A record part, decoded once. */
	private recordPart(n: number): Promise<number[][]> {
		let p = this.recordParts.get(n);
		if (!p) {
			p = this.part<RecordPart>(partName.records(n)).then(decodeRecords);
			this.recordParts.set(n, p);
			p.catch(() => this.recordParts.delete(n));
		}
		return p;
	}

	/** Ids of the texts that might hold a folded term (every text holding all its bigrams), or null: every text. */
	private candidates(term: string): number[] | null {
		const keys = [...new Set(bigrams(term))];
		if (keys.length === 0) return null;
		const lists: number[][] = [];
		for (const k of keys) {
			const l = this.list('bigrams', k);
			if (!l) return [];
			lists.push(l);
		}
		lists.sort((a, b) => a.length - b.length);
		let out = lists[0];
		for (const l of lists.slice(1)) {
			const s = new Set(l);
			out = out.filter((id) => s.has(id));
		}
		return out;
	}

	/** Ids of the texts that hold every term exactly (candidates verified against their texts). */
	private async matching(terms: string[]): Promise<number[]> {
		await Promise.all([
			this.loadPostings('bigrams', [...new Set(terms.flatMap((t) => bigrams(t)))]),
			this.loadPostings('words', terms)
		]);
		let ids: number[] | null = null;
		let all = true;
		for (const t of [...terms].sort((a, b) => b.length - a.length)) {
			const c = this.candidates(t);
			if (c === null) continue;
			all = false;
			if (ids === null) ids = c;
			else {
				const s = new Set(c);
				ids = ids.filter((id) => s.has(id));
			}
			if (ids.length === 0) return [];
		}
		const candidates = all ? Array.from({ length: this.base.texts }, (_, i) => i) : (ids ?? []);
		await this.loadTexts(all ? null : candidates);
		return candidates.filter((id) => {
			const f = this.foldedText(id);
			return terms.every((t) => f.includes(t));
		});
	}

	private unit(row: number): { unitId: string; unitName: string } {
		const b = this.base;
		const id = b.units.id[row] ?? '';
		const name = b.names[b.units.short[row]] ?? b.names[b.units.name[row]] ?? id;
		return { unitId: id, unitName: name };
	}

	private place(kind: 0 | 1 | 2, row: number): HitPlace {
		const b = this.base;
		if (kind === 0)
			return {
				...this.unit(row),
				provenance: provenance(b.units.synthetic[row]),
				form: null,
				indicator: null
			};
		const formRow = kind === 1 ? row : this.indForm[row];
		const form = {
			evalId: this.formIds[formRow],
			year: b.forms.year[formRow],
			kind: b.forms.project[formRow] ? ('project' as const) : ('department' as const),
			project: b.names[b.forms.projectName[formRow]] ?? null
		};
		const indicator =
			kind === 2
				? { seq: b.indicators.seq[row], level3: b.names[b.indicators.level3[row]] ?? '' }
				: null;
		return {
			...this.unit(b.forms.unit[formRow]),
			provenance: provenance(b.forms.synthetic[formRow]),
			form,
			indicator
		};
	}

	/**
	 * Every record field holding all the query's terms, exactly (after folding case, width and
	 * traditional characters), grouped and ranked. When the typed text is found nowhere and
	 * Intl.Segmenter cuts it into several words, those words are searched instead (mode 'words').
	 */
	async search(query: string): Promise<SearchResult> {
		let terms = queryTerms(query);
		let mode: SearchResult['mode'] = 'phrase';
		let ids = terms.length ? await this.matching(terms) : [];
		if (ids.length === 0 && terms.length === 1) {
			const ws = [...new Set(words(terms[0]))];
			if (ws.length > 1) {
				terms = ws;
				mode = 'words';
				ids = await this.matching(terms);
			}
		}
		const wordSets = terms.map((t) => new Set(this.list('words', t)));
		const [texts, records] = await Promise.all([this.texts(ids), this.recordsOf(ids)]);
		const b = this.base;
		const unitRank = this.unitRank();
		// Each hit's rank, as three numbers compared in turn: whole-word matches first, then names
		// before long texts, shorter texts, later years; the unit (in Chinese collation); the form,
		// the order on the form.
		const found = Object.fromEntries(GROUPS.map((g) => [g, new Found()])) as Record<Group, Found>;
		const matched = new Map<number, { ranges: [number, number][]; whole: boolean }>();
		for (const id of ids) {
			const f = this.foldedText(id);
			const ranges = mergeRanges(terms.flatMap((t) => occurrences(f, t)));
			const whole = wordSets.every((s) => s.has(id));
			matched.set(id, { ranges, whole });
			const length = Math.min(texts.get(id)!.length, 0xfffff);
			for (const packed of records.get(id)!) {
				const code = packed % 16;
				const field = FIELD_CODES[code];
				const kind = kindOf(code);
				const row = Math.floor(packed / 16);
				const formRow = kind === 0 ? -1 : kind === 1 ? row : this.indForm[row];
				const unitRow = kind === 0 ? row : b.forms.unit[formRow];
				const year = formRow < 0 ? 0 : b.forms.year[formRow];
				found[GROUP_OF[field]].push(
					id,
					packed,
					((whole ? 0 : 1) * 16 + FIELD_RANK[field]) * 0x100000 + length,
					(4096 - Math.min(Math.max(year, 0), 4095)) * 0x100000 + (unitRank[unitRow] ?? 0),
					(formRow + 1) * 0x10000 + (kind === 2 ? Math.min(b.indicators.seq[row], 0xffff) : 0)
				);
			}
		}
		const groups = {} as Record<Group, Hit[]>;
		for (const g of GROUPS) {
			// One hit per place, its best field: a unit whose full and short names both match is one
			// unit, an indicator whose name and target both match one indicator; each reason is its own.
			const seen = new Set<number>();
			const hits: Hit[] = [];
			for (const i of found[g].order()) {
				const packed = found[g].packed[i];
				const key = g === 'reasons' ? packed : Math.floor(packed / 16);
				if (seen.has(key)) continue;
				seen.add(key);
				const id = found[g].id[i];
				const code = packed % 16;
				const m = matched.get(id)!;
				hits.push(
					new PlacedHit(g, FIELD_CODES[code], texts.get(id)!, m.ranges, m.whole, () =>
						this.place(kindOf(code), Math.floor(packed / 16))
					)
				);
			}
			groups[g] = hits;
		}
		const total = GROUPS.reduce((n, g) => n + groups[g].length, 0);
		return { query, terms, mode, groups, total };
	}

	private unitOrder: number[] | null = null;

	/** Each unit's place when the units are sorted by their shown name in Chinese collation (once). */
	private unitRank(): number[] {
		if (!this.unitOrder) {
			const collator = new Intl.Collator('zh');
			const names = this.base.units.id.map((_, row) => this.unit(row).unitName);
			const order = names.map((_, i) => i).sort((a, b) => collator.compare(names[a], names[b]));
			this.unitOrder = new Array<number>(names.length);
			order.forEach((row, rank) => (this.unitOrder![row] = rank));
		}
		return this.unitOrder;
	}
}

/**
 * A hit whose place is worked out when it is first read: a query can have hundreds of thousands of
 * hits, and a page shows a few of each group.
 */
class PlacedHit implements Hit {
	#place: HitPlace | null = null;
	readonly #where: () => HitPlace;

	constructor(
		readonly group: Group,
		readonly field: Field,
		readonly text: string,
		readonly ranges: [number, number][],
		readonly whole: boolean,
		where: () => HitPlace
	) {
		this.#where = where;
	}

	get place(): HitPlace {
		return (this.#place ??= this.#where());
	}
}

/** The matches of one group before they are placed: text id, record, and three rank keys. */
class Found {
	readonly id: number[] = [];
	readonly packed: number[] = [];
	private readonly k1: number[] = [];
	private readonly k2: number[] = [];
	private readonly k3: number[] = [];

	push(id: number, packed: number, k1: number, k2: number, k3: number) {
		this.id.push(id);
		this.packed.push(packed);
		this.k1.push(k1);
		this.k2.push(k2);
		this.k3.push(k3);
	}

	/** Indexes of the matches, best first. */
	order(): Uint32Array {
		const { k1, k2, k3 } = this;
		const idx = Uint32Array.from(this.id.keys());
		return idx.sort((a, b) => k1[a] - k1[b] || k2[a] - k2[b] || k3[a] - k3[b]);
	}
}
