// Traditional → simplified, one character for one, for the words forms print; made by scripts/make-traditional-map.ts from OpenCC (do not edit).
const PAIRS =
	'並并 佔占 來来 個个 傳传 債债 價价 億亿 優优 內内 兩两 別别 創创 劃划 劍剑 動动 務务 勢势 區区 協协 厲厉 參参 員员 問问 啓启 喫吃 單单 嚴严 國国 圍围 圓圆 團团 執执 堅坚 報报 場场 壓压 學学 實实 審审 將将 專专 對对 導导 屆届 層层 崗岗 嶺岭 帶带 幫帮 幹干 庫库 廁厕 強强 後后 從从 復复 徹彻 態态 應应 懲惩 戶户 掛挂 採采 換换 揮挥 損损 撥拨 擁拥 據据 擬拟 啟启 敗败 數数 斷断 於于 時时 暫暂 曬晒 書书 會会 條条 楊杨 業业 極极 構构 樂乐 標标 樹树 機机 檢检 權权 氣气 汙污 決决 況况 淥渌 淨净 減减 準准 溫温 滿满 潔洁 濟济 灣湾 災灾 為为 無无 煙烟 營营 爭争 爲为 獨独 獲获 現现 環环 產产 畝亩 當当 療疗 發发 監监 眾众 確确 碼码 視视 禮礼 萬万 稅税 種种 稱称 積积 節节 範范 築筑 糧粮 糾纠 紀纪 約约 紅红 納纳 純纯 級级 終终 組组 結结 絡络 給给 統统 經经 綜综 維维 網网 緊紧 線线 編编 緩缓 縣县 縱纵 總总 績绩 織织 繞绕 繳缴 續续 羣群 義义 習习 聞闻 聯联 職职 肅肃 臺台 與与 興兴 舉举 莊庄 蓋盖 處处 虛虚 號号 衆众 術术 衛卫 衞卫 裏里 補补 裝装 裡里 見见 規规 親亲 覺觉 觸触 計计 訓训 記记 訪访 設设 訴诉 診诊 評评 試试 話话 誠诚 認认 說说 説说 課课 調调 談谈 請请 論论 謀谋 講讲 識识 議议 護护 讓让 負负 財财 貫贯 責责 貸贷 費费 貼贴 資资 質质 賭赌 贓赃 踐践 蹤踪 載载 輪轮 轉转 辦办 農农 進进 運运 過过 達达 違违 遠远 遷迁 選选 邁迈 還还 邊边 鄉乡 醫医 釋释 針针 銀银 銷销 鎮镇 鏡镜 鑑鉴 長长 門门 開开 間间 關关 隊队 階阶 際际 離离 難难 韻韵 響响 項项 順顺 預预 頑顽 頓顿 領领 頭头 題题 額额 類类 顯显 風风 飛飞 餅饼 餘余 館馆 饋馈 馬马 駐驻 驗验 體体 鬥斗 鮮鲜 鵬鹏 麗丽 點点 黨党 龍龙';

export const TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
	PAIRS.split(' ').map((p) => [p[0], p[1]])
);

/** The text with traditional characters read as simplified; same length, so places agree. */
export function toSimplified(text: string): string {
	let out = '';
	for (const ch of text) out += TRADITIONAL[ch] ?? ch;
	return out;
}
