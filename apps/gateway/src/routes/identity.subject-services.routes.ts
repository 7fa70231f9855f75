import {
  DeclarationCreatedDto, DeclarationDto, DeclarationListDto, DeclarationListQueryDto, GuideDto, GuideSectionDto, LeaveMessageRequestDto,
  MakeDeclarationRequestDto, MessageCreatedDto, MessageListDto,
} from '@cfc/api';
import { PORTAL_SECURITY_HEADERS } from '../portal/portal.headers';
import type { GatewayRoute, RouteTable } from './gateway-route';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECTION = /^(login|service|manual|faq)$/;
const TEXT_PROBLEM: [number, string, string] = [400, 'VALIDATION_FAILED', 'text: must not be empty or only white space'];
const SECTION_NOT_FOUND: [number, string, string] = [404, 'GUIDE_SECTION_NOT_FOUND', 'no such section: login, service, manual or faq'];
const UNAVAILABLE: [number, string, string] = [503, 'IDENTITY_UNAVAILABLE', 'the identity service is not reachable; retry shortly'];
const PAGE_EXAMPLE = '<!doctype html>\n<html lang="zh-CN">…<section id="login"><h1><span lang="zh-CN">登录指引</span> · <span lang="en">Logging in</span></h1>…</html>';

/** Answers that carry the enterprise's own words: never sniffed into anything but the JSON they are. */
const AS_SENT = { 'x-content-type-options': 'nosniff' } as const;

/** The guide's HTML pages carry the portal's security headers (CSP: no inline script or style). */
const page = (route: Omit<GatewayRoute, 'method' | 'audiences' | 'upstream' | 'tag'>): GatewayRoute => ({
  method: 'GET', audiences: 'public', upstream: 'identity', tag: 'service guide', responseHeaders: PORTAL_SECURITY_HEADERS, ...route,
});

/**
 * The data account's subject services (信息主体服务), owned by identity: messages (留言), declarations (声明),
 * and the service guide (no login). Identity checks the enterprise again and owns every rule.
 */
export const subjectServiceRoutes: RouteTable = [
  {
    method: 'POST',
    path: '/v1/subject/messages',
    audiences: ['cfc:subject'],
    upstream: 'identity',
    responseHeaders: AS_SENT,
    tag: 'enterprises',
    summary: 'Leave a message (留言) for the platform operator, up to 2,000 characters, kept exactly as written',
    body: LeaveMessageRequestDto,
    response: MessageCreatedDto,
    status: 201,
    problems: [TEXT_PROBLEM, [400, 'VALIDATION_FAILED', 'text: must be at most 2000 characters']],
  },
  {
    method: 'GET',
    path: '/v1/subject/messages',
    audiences: ['cfc:subject'],
    upstream: 'identity',
    responseHeaders: AS_SENT,
    tag: 'enterprises',
    summary: "The enterprise's own messages, newest first, each with the operator's reply once there is one",
    response: MessageListDto,
  },
  {
    method: 'POST',
    path: '/v1/subject/declarations',
    audiences: ['cfc:subject'],
    upstream: 'identity',
    responseHeaders: AS_SENT,
    tag: 'enterprises',
    summary: 'Make a declaration (声明, up to 500 characters) on the whole report, one ACTIVE binding, or one month of it; printed in every report it touches',
    body: MakeDeclarationRequestDto,
    response: DeclarationCreatedDto,
    status: 201,
    problems: [
      TEXT_PROBLEM,
      [400, 'VALIDATION_FAILED', 'period: needs bindingId: a month is a month of one binding'],
      [422, 'BINDING_NOT_FOUND', 'bindingId: no binding with this id in this data account'],
      [422, 'BINDING_NOT_ACTIVE', 'bindingId: the binding is ENDED; only an ACTIVE binding is in reports'],
      [409, 'DECLARATION_LIMIT_REACHED', 'at most 50 active declarations: withdraw one first'],
    ],
  },
  {
    method: 'GET',
    path: '/v1/subject/declarations',
    audiences: ['cfc:subject'],
    upstream: 'identity',
    responseHeaders: AS_SENT,
    tag: 'enterprises',
    summary: "The enterprise's own declarations, newest first, withdrawn ones included (or ?status=)",
    query: DeclarationListQueryDto,
    response: DeclarationListDto,
  },
  {
    method: 'DELETE',
    path: '/v1/subject/declarations/:id',
    audiences: ['cfc:subject'],
    upstream: 'identity',
    responseHeaders: AS_SENT,
    tag: 'enterprises',
    summary: 'Withdraw a declaration: no longer printed in new reports; the declaration and its withdrawal stay in the audit stream',
    params: { id: UUID },
    response: DeclarationDto,
    problems: [[404, 'DECLARATION_NOT_FOUND', 'no such declaration'], [409, 'DECLARATION_ALREADY_WITHDRAWN', 'this declaration was withdrawn already']],
  },
  {
    method: 'GET',
    path: '/v1/guide',
    audiences: 'public',
    upstream: 'identity',
    tag: 'service guide',
    summary: 'The service guide, no login: login guidance, service guide, operations manual and FAQ, Chinese with English beside it',
    response: GuideDto,
  },
  {
    method: 'GET',
    path: '/v1/guide/:section',
    audiences: 'public',
    upstream: 'identity',
    tag: 'service guide',
    summary: 'One section of the service guide: login, service, manual or faq (with its questions and answers)',
    params: { section: SECTION },
    response: GuideSectionDto,
    problems: [SECTION_NOT_FOUND],
  },
  page({ path: '/guide', summary: 'The service guide as a readable page (HTML, Chinese with English beside it)', produces: 'text/html', example: PAGE_EXAMPLE, problems: [UNAVAILABLE] }),
  page({ path: '/guide/guide.css', summary: "The guide pages' stylesheet", produces: 'text/css', example: '.pair{display:grid;grid-template-columns:1fr 1fr}', problems: [UNAVAILABLE] }),
  page({ path: '/guide/:section', summary: 'One section of the service guide as a readable page', params: { section: SECTION }, produces: 'text/html', example: PAGE_EXAMPLE, problems: [SECTION_NOT_FOUND] }),
];
