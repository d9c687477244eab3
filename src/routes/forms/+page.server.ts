// The forms grid, prerendered with the first page of every form; filters, sorting and pages run in the browser.
import { dataset } from '$lib/server/dataset';
import { loadForms } from '$lib/views/forms-load';

export const load = async () => loadForms(await dataset());
