import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';
import type { GuideDocument } from './guide.service';

interface Res {
  status(code: number): Res;
  setHeader(name: string, value: string): void;
  end(body?: string): void;
}

// The service guide, public through the gateway (no login): JSON for the portal, HTML pages for people.
function send(res: Res, doc: GuideDocument, ifNoneMatch: string | undefined): void {
  res.setHeader('etag', doc.etag);
  res.setHeader('cache-control', 'public, max-age=300');
  if (ifNoneMatch === doc.etag) return void res.status(304).end();
  res.setHeader('content-type', doc.contentType);
  res.status(200).end(doc.body);
}

@Controller()
export class GuideHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Get('v1/guide')
  json(@Headers('if-none-match') etag: string | undefined, @Res() res: Res): void {
    send(res, this.runtime.guide.get('json'), etag);
  }

  @Get('v1/guide/:section')
  sectionJson(@Param('section') section: string, @Headers('if-none-match') etag: string | undefined, @Res() res: Res): void {
    send(res, this.runtime.guide.get('json', section), etag);
  }

  @Get('guide')
  page(@Headers('if-none-match') etag: string | undefined, @Res() res: Res): void {
    send(res, this.runtime.guide.get('html'), etag);
  }

  // Before guide/:section, so the stylesheet is not taken for a section.
  @Get('guide/guide.css')
  css(@Headers('if-none-match') etag: string | undefined, @Res() res: Res): void {
    send(res, this.runtime.guide.get('css'), etag);
  }

  @Get('guide/:section')
  sectionPage(@Param('section') section: string, @Headers('if-none-match') etag: string | undefined, @Res() res: Res): void {
    send(res, this.runtime.guide.get('html', section), etag);
  }
}
