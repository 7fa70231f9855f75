import type { Api } from './http';
import * as read from './shapes';
import type { AccountType, ActivityKind, Product } from './shapes';

// Every call the portal makes, one function per route of CONTRACT "Enterprises" (and GET /v1/guide).

const id = (v: string) => encodeURIComponent(v);

export interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
}

export const endpoints = (api: Api) => ({
  loginChallenge: (body: { uscc: string; legalRepName: string; legalRepIdNumber: string }) => api.post<{ challengeId: string }>('/v1/subject/login/challenge', body),
  login: (body: { challengeId: string; code: string }) => api.post<TokenAnswer>('/v1/subject/login', body),
  session: () => api.get<{ kind: string; id: string; expiresAt: string }>('/v1/subject/session'),
  logout: () => api.post<void>('/v1/subject/logout'),
  guide: () => api.get<unknown>('/v1/guide'),

  agreement: async () => read.readAgreement(await api.get('/v1/subject/agreement')),
  bindings: async () => read.readBindings(await api.get('/v1/subject/bindings')),
  bind: (body: { provider: string; accountNumber: string; accountType: AccountType; agreementVersion: string; agreementAccepted: true }) =>
    api.post<{ id: string; status: string }>('/v1/subject/bindings', body),
  unbind: (bindingId: string) => api.delete<unknown>(`/v1/subject/bindings/${id(bindingId)}`),

  authorizations: async (status?: string) => read.readAuthorizations(await api.get(`/v1/subject/authorizations${status ? `?status=${id(status)}` : ''}`)),
  authorization: async (authorizationId: string) => read.readAuthorization(await api.get(`/v1/subject/authorizations/${id(authorizationId)}`)),
  grant: (authorizationId: string, accounts?: string[]) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/grant`, accounts && accounts.length > 0 ? { accounts } : {}),
  reject: (authorizationId: string) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/reject`),
  revoke: (authorizationId: string) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/revoke`),
  pause: (authorizationId: string) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/pause`),
  resume: (authorizationId: string) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/resume`),
  extend: (authorizationId: string, body: { addAccounts?: string[]; extendDays?: number }) => api.post<unknown>(`/v1/subject/authorizations/${id(authorizationId)}/extend`, body),

  selfQuery: (product: Product) => api.post<unknown>('/v1/subject/queries', { product }),

  activity: async (kind?: ActivityKind) => read.readActivity(await api.get(`/v1/subject/activity${kind ? `?kind=${id(kind)}` : ''}`)),
  proof: (seq: number) => api.get<unknown>(`/v1/subject/activity/${seq}/proof`),

  messages: async () => read.readMessages(await api.get('/v1/subject/messages')),
  sendMessage: (text: string) => api.post<{ id: string; at: string }>('/v1/subject/messages', { text }),
  declarations: async () => read.readDeclarations(await api.get('/v1/subject/declarations')),
  declare: (body: { text: string; bindingId?: string; period?: string }) => api.post<{ id: string; at: string }>('/v1/subject/declarations', body),
  withdrawDeclaration: (declarationId: string) => api.delete<unknown>(`/v1/subject/declarations/${id(declarationId)}`),
  objections: async () => read.readObjections(await api.get('/v1/subject/objections')),
  object: (body: { bindingId: string; period: string; fields?: string[]; reason: string }) => api.post<{ id: string; status: string; dueBy: string }>('/v1/subject/objections', body),
});

export type Endpoints = ReturnType<typeof endpoints>;
