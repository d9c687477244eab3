// What the trends page prerenders: all units over the years.
import type { Connector } from '../../db/connector';
import { trendsData, type TrendsData } from '../../queries/trends';

export function loadTrends(db: Connector): Promise<TrendsData> {
	return trendsData(db);
}
