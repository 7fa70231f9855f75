import { createHash } from 'node:crypto';
import { ProblemException } from '@cfc/platform';
import { guideJson, loadGuide, sectionJson, type Guide } from './guide.content';
import { GUIDE_CSS, guidePage, sectionPage } from './guide.html';

export interface GuideDocument {
  body: string;
  contentType: string;
  /** Strong validator of the body: a client that has it already gets 304. */
  etag: string;
}

const document = (body: string, contentType: string): GuideDocument => ({ body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** The guide, read and checked once at start, every answer rendered then (it changes only with a release). */
export class GuideService {
  private readonly documents = new Map<string, GuideDocument>();

  constructor(guide: Guide = loadGuide()) {
    this.documents.set('json', document(JSON.stringify(guideJson(guide)), JSON_TYPE));
    this.documents.set('html', document(guidePage(guide), HTML_TYPE));
    this.documents.set('css', document(GUIDE_CSS, 'text/css; charset=utf-8'));
    for (const section of guide.sections) {
      this.documents.set(`json:${section.id}`, document(JSON.stringify(sectionJson(section)), JSON_TYPE));
      this.documents.set(`html:${section.id}`, document(sectionPage(guide, section), HTML_TYPE));
    }
  }

  /** `kind` json, html or css; `section` one of the guide's sections (else 404). */
  get(kind: 'json' | 'html' | 'css', section?: string): GuideDocument {
    const found = this.documents.get(section === undefined ? kind : `${kind}:${section}`);
    if (!found) throw new ProblemException(404, 'GUIDE_SECTION_NOT_FOUND', 'Not Found', 'no such section: login, service, manual or faq');
    return found;
  }
}
