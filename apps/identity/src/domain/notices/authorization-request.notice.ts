import type { AuthorizationRequestedData, Product, Purpose } from '@cfc/contracts';

// The SMS the enterprise's registered mobile receives when a lender asks for authorisation. No personal
// data in the text (no name, ID number or mobile): only the lender's institution id, what it asks for,
// and by when the enterprise may answer in its data account.

const PURPOSE_LABELS: Record<Purpose, string> = {
  LOAN_APPLICATION: '贷款申请',
  CREDIT_LINE_REVIEW: '授信审查',
  POST_LOAN_MANAGEMENT: '贷后管理',
};
const PRODUCT_LABELS: Record<Product, string> = { CREDIT_REPORT: '信用报告', DETAIL_SUMMARY: '明细汇总' };

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "YYYY-MM-DD HH:mm" in Asia/Shanghai. */
function shanghaiTime(instant: string): string {
  const p = Object.fromEntries(shanghai.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The notice's text for one authorization.requested event. */
export function authorizationRequestNotice(request: Pick<AuthorizationRequestedData, 'lender' | 'purpose' | 'products' | 'months' | 'answerBy'>): string {
  const products = request.products.map((p) => PRODUCT_LABELS[p]).join('、');
  return (
    `【CFC】机构${request.lender}申请查询贵企业近${request.months}个月的资金流信用信息（用途：${PURPOSE_LABELS[request.purpose]}；产品：${products}）。` +
    `请于${shanghaiTime(request.answerBy)}（北京时间）前登录数据账户同意或拒绝，逾期自动失效。非本企业申请请忽略。`
  );
}

/** Whether a notice is still worth sending: the enterprise can still answer. */
export function stillAnswerable(request: Pick<AuthorizationRequestedData, 'answerBy'>, now: Date): boolean {
  return now.getTime() < Date.parse(request.answerBy);
}
