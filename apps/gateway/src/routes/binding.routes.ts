import { AgreementDto, AgreementQueryDto, BindingAcceptedDto, BindingDto, BindingListDto, BindingListQueryDto, RequestBindingDto } from '@cfc/api';
import type { RouteTable } from './gateway-route';

const BINDING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND: [number, string, string] = [404, 'BINDING_NOT_FOUND', 'no such binding'];

/** Fund-account bindings and the entrustment agreement: binding does the work and checks ownership again. */
export const bindingRoutes: RouteTable = [
  {
    method: 'GET',
    path: '/v1/subject/agreement',
    audiences: ['cfc:subject'],
    upstream: 'binding',
    tag: 'enterprises',
    summary: 'The entrustment agreement (资金流信用信息委托提供协议) in force, or a published version: full text and the SHA-256 of its UTF-8 bytes',
    query: AgreementQueryDto,
    response: AgreementDto,
    problems: [[404, 'AGREEMENT_VERSION_NOT_FOUND', 'no published agreement version 0.9']],
  },
  {
    method: 'POST',
    path: '/v1/subject/bindings',
    audiences: ['cfc:subject'],
    upstream: 'binding',
    tag: 'enterprises',
    summary: 'Bind a fund account, signing the agreement in force; the provider confirms over Kafka (202 PENDING_PROVIDER)',
    body: RequestBindingDto,
    response: BindingAcceptedDto,
    status: 202,
    problems: [
      [400, 'VALIDATION_FAILED', 'agreementAccepted: must be true: binding signs the entrustment agreement'],
      [400, 'PROVIDER_NOT_REGISTERED', 'X0001 is not a registered provider'],
      [409, 'AGREEMENT_VERSION_NOT_CURRENT', 'agreement version 0.9 is not the one in force'],
      [409, 'BINDING_ALREADY_EXISTS', 'this account is already bound (or awaiting its provider) for this enterprise'],
      [409, 'ACCOUNT_ALREADY_BOUND', 'this account cannot be bound now: it is bound to another data account'],
    ],
  },
  {
    method: 'GET',
    path: '/v1/subject/bindings',
    audiences: ['cfc:subject'],
    upstream: 'binding',
    tag: 'enterprises',
    summary: "The enterprise's own bindings, account numbers masked, each with the agreement it was signed under",
    query: BindingListQueryDto,
    response: BindingListDto,
  },
  {
    method: 'GET',
    path: '/v1/subject/bindings/:id',
    audiences: ['cfc:subject'],
    upstream: 'binding',
    tag: 'enterprises',
    summary: 'One of the enterprise\'s bindings',
    params: { id: BINDING_ID },
    response: BindingDto,
    problems: [NOT_FOUND],
  },
  {
    method: 'DELETE',
    path: '/v1/subject/bindings/:id',
    audiences: ['cfc:subject'],
    upstream: 'binding',
    tag: 'enterprises',
    summary: 'Unbind: ENDED at once (no statistics accepted or reported for it from now on), and the provider is told',
    params: { id: BINDING_ID },
    response: BindingDto,
    problems: [NOT_FOUND, [409, 'BINDING_ALREADY_ENDED', 'this binding was already ended'], [409, 'BINDING_NOT_ACTIVE', 'binding … is REJECTED']],
  },
];
