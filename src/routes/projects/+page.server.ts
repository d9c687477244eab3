// Every project form of the latest year, prerendered; other filters run in the browser.
import { dataset } from '$lib/server/dataset';
import { loadProjects } from '$lib/views/projects-load';

export const load = async () => loadProjects(await dataset());
