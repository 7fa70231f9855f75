// @cfc/api: the public HTTP API's DTOs. The gateway documents and first-validates with them; the owning
// service validates again with the same classes (libs/platform validateDto / ProblemValidationPipe).
export * from './audit';
export * from './common/problem.dto';
export * from './common/validators';
export * from './identity/identity.dto';
export * from './identity/messages.dto';
export * from './identity/declarations.dto';
export * from './identity/guide.dto';
export * from './binding/binding.dto';
export * from './consent/consent-requests.dto';
export * from './consent/consent-views.dto';
export * from './report/report.dto';
export * from './ingestion/objection.dto';
export * from './ingestion/providers.dto';
