/**
 * A browser as fetch can play it: keeps the cookies the server sets (session, anonymous CSRF,
 * language), sends them back, never follows redirects on its own, and reads the forms of a page so
 * a test can post them as a person would.
 */
export interface Answer {
  readonly status: number;
  readonly location: string | null;
  readonly headers: Headers;
  readonly html: string;
}

export interface PageForm {
  readonly action: string;
  readonly method: string;
  readonly enctype: string;
  /** Hidden and visible fields with their values as rendered. */
  readonly fields: Readonly<Record<string, string>>;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

/** Undoes handlebars' attribute escaping. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (entity) => ENTITIES[entity] ?? entity);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match?.[1] === undefined ? undefined : unescapeHtml(match[1]);
}

/** Every <form> of a page: its action, method, encoding and the named inputs it holds. */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((match) => {
    const tag = match[1] ?? '';
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<(?:input|select|textarea)\b([^>]*)>/gi)) {
      const name = attribute(input[0], 'name');
      if (name !== undefined) fields[name] = attribute(input[0], 'value') ?? '';
    }
    return {
      action: attribute(tag, 'action') ?? '',
      method: (attribute(tag, 'method') ?? 'get').toLowerCase(),
      enctype: attribute(tag, 'enctype') ?? 'application/x-www-form-urlencoded',
      fields,
    };
  });
}

export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    cookie?: string,
  ) {
    if (cookie !== undefined) this.keep(cookie);
  }

  /** The Cookie header this visitor sends. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private keep(pair: string): void {
    const [name, ...rest] = pair.split('=');
    const value = rest.join('=');
    if (name === undefined || name.trim() === '') return;
    if (value === '') this.cookies.delete(name.trim());
    else this.cookies.set(name.trim(), value);
  }

  private async send(path: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookieHeader },
    });
    for (const set of response.headers.getSetCookie()) this.keep(set.split(';')[0] ?? '');
    return {
      status: response.status,
      location: response.headers.get('location'),
      headers: response.headers,
      html: await response.text(),
    };
  }

  get(path: string): Promise<Answer> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts fields as an HTML form does (application/x-www-form-urlencoded). */
  post(
    path: string,
    fields: Readonly<Record<string, string>>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Posts one of the page's own forms with some fields changed. */
  submit(form: PageForm, changes: Readonly<Record<string, string>> = {}): Promise<Answer> {
    return this.post(form.action, { ...form.fields, ...changes });
  }
}

/** The form posting to `action` on a page, or an error naming what the page has. */
export function formFor(html: string, action: string): PageForm {
  const forms = formsOf(html);
  const form = forms.find((f) => f.action === action);
  if (form === undefined)
    throw new Error(`no form posting to ${action}; found ${forms.map((f) => f.action).join(', ')}`);
  return form;
}
