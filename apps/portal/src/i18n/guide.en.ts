import type { guideZhCN } from './guide.zh-CN';

// English service guide and FAQ: the same keys as guide.zh-CN.ts.
export const guideEn: Record<keyof typeof guideZhCN, string> = {
  'guide.title': 'Service guide',
  'guide.toc': 'Contents',
  'guide.source.builtin': 'This is the guide text built into the page.',
  'guide.source.server': 'This is the platform\'s current guide.',
  'guide.section.login': 'How to log in',
  'guide.section.service': 'Service guide',
  'guide.section.manual': 'Operations manual',
  'guide.section.faq': 'Frequently asked questions',
  'guide.login.body':
    'There is no registration: the data account opens when the legal representative first logs in.\n' +
    'Step 1: enter the 18-character Unified Social Credit Code from the business licence, the legal representative\'s name and 18-character ID number, and press "Send code".\n' +
    'Step 2: the platform checks the details against the registry and sends a 6-digit code to the legal representative\'s registered mobile. The code is valid for 5 minutes and can be used once.\n' +
    'Step 3: enter the code to log in. When the session ends, or after "Log out", you verify again.\n' +
    'If the details cannot be verified, check that all three match the registry exactly; for safety the platform does not say which one differed. After repeated failures, codes are paused for a while.',
  'guide.service.body':
    'Cash-flow credit information is the monthly statistics that banks and payment institutions compile from your enterprise\'s accounts: money in and out and the number of payments, balances, the kinds of counterparties. It holds no individual transactions.\n' +
    'Data is sent only for accounts you bind under a signed entrustment agreement; a lender may query only with your authorisation, within its scope (purpose, products, months, validity, query limit).\n' +
    'There are two products: the cash-flow credit report (indicators of operations, income and expenditure, solvency and performance capacity, with data coverage) and the detail summary (each account\'s statistics month by month).\n' +
    'You may read your own report at any time, free of charge, see who queried when, and raise objections, leave declarations and send messages.',
  'guide.manual.body':
    'Bind an account: open "Accounts", choose the institution, enter the account number and type, read the whole agreement, accept it and submit. The status moves from "Waiting for the institution" to "Active".\n' +
    'Handle an authorisation: open "Authorisations", read the lender, purpose, products, months, validity and query limit, choose the accounts it may query and grant, or reject. Once active you may extend, pause, resume or revoke it.\n' +
    'Read your report: open "My report" and choose the credit report or the detail summary. Print it to PDF from the browser.\n' +
    'Verify the record: open "Activity record" and press "Verify" on any entry; your browser checks cryptographically that the entry is in the audit log the platform signed.\n' +
    'Raise an objection: open "Objections", choose the account and month and give your reason. The institution must answer within 20 days.\n' +
    'Unbind an account: press "Unbind" in "Accounts"; after you confirm, the institution stops sending that account\'s data at once.',
  'faq.q.what': 'What is cash-flow credit information?',
  'faq.a.what': 'Monthly statistics of your enterprise\'s bank and payment accounts: money in and out and the number of payments, balances, the main kinds of counterparties. It is not a statement: it holds no counterparty, time or purpose of any single payment.',
  'faq.q.who': 'Who can see my data, and how do I stop them?',
  'faq.a.who': 'Only lenders you authorise, within the purpose, products, months and validity you agreed; each query is written to your activity record. Pause or revoke an authorisation at any time under "Authorisations"; a revocation takes effect at once.',
  'faq.q.products': 'What do the two products contain?',
  'faq.a.products': 'The cash-flow credit report gives indicators of operations, income and expenditure, solvency and performance capacity, with counterparty structure, cash usage, stability and data coverage. The detail summary lists each authorised account\'s statistics month by month, with their meaning.',
  'faq.q.bind': 'How do I bind and unbind an account?',
  'faq.a.bind': 'Under "Accounts", choose the institution, enter the number and type and accept the entrustment agreement; it is active once the institution confirms. After unbinding, the institution stops sending that account\'s data at once and later reports leave it out.',
  'faq.q.objection': 'What if the data is wrong, and how long does it take?',
  'faq.a.objection': 'Under "Objections", object to one month of one account and give your reason. The institution must answer within 20 days (Regulation on the Administration of Credit Reporting Industry, Art. 25); until then every report with that month marks it as disputed. Corrected data shows in the reports after that.',
  'faq.q.free': 'Does protecting my rights cost anything? Is "credit repair" real?',
  'faq.a.free': 'Reading your own report, objecting and leaving declarations are free. Nobody may alter a correct record: paid offers to "repair credit" or "clean records" are scams. Never give them your accounts or codes.',
  'faq.q.retention': 'How long is negative information kept?',
  'faq.a.retention': 'Under the Regulation on the Administration of Credit Reporting Industry, negative information is kept for five years from the day the conduct or event ended, then deleted.',
  'faq.q.declaration': 'What is a declaration for?',
  'faq.a.declaration': 'You may add a statement to the whole report, one account, or one month of one account (for example, low inflow in a seasonal business); it is printed in every report within its scope.',
  'faq.q.verify': 'What does the "Verify" button do?',
  'faq.a.verify': 'The platform writes every action to an append-only audit log and signs the log regularly. "Verify" makes your browser compute the entry\'s hash itself, follow the inclusion proof up to the log\'s root and check the signature with the platform\'s public key. If any step fails, it says so loudly.',
  'faq.q.code': 'What if the code does not arrive?',
  'faq.a.code': 'The code goes to the legal representative\'s mobile as registered with the registration authority. Check the phone\'s signal; if the number changed, update it with the authority first. In demo mode the code is in the file .data/sms-outbox.ndjson.',
};
