/**
 * The tree side of the HTML tokenizer (html-scan.ts): htmlparser2 12.0.0's Parser rules for which elements are
 * open. Opening an element closes those it implies (`<td>` closes an open `<td>`, `<p>` closes an open `<p>`…),
 * void elements close at once, a stray `</p>` or `</br>` stands for an element, an end tag closes every element
 * opened after its match, and SVG/MathML change how names are spelled. It also keeps the start tag being read
 * and collects its attributes (only those asked for), and caches names by raw spelling: pages repeat a few dozen
 * names thousands of times.
 */

/** Callbacks of `scanHtml`, named and called like htmlparser2's handler. */
export interface HtmlHandler {
  /** A start tag: lower-cased name and attributes (lower-cased names, first of duplicates wins, entities decoded). */
  onopentag(name: string, attribs: Readonly<Record<string, string>>): void;
  /** An end tag, explicit or implied (also sent right after a void element's start tag). */
  onclosetag(name: string): void;
  /** Character data, entities decoded. */
  ontext(data: string): void;
  /** A comment, bogus comment (`<!…>`, `<?…>`, `</ …>`) or HTML-mode CDATA section (`[CDATA[…]]`). */
  oncomment(data: string): void;
}

/** Foreign content contexts (htmlparser2's ForeignContext). */
const enum F {
  None,
  Svg,
  MathML,
}

/** htmlparser2's openImpliesClose: opening the key closes open elements of these names, innermost first. */
const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, Set<string>] => [h, HEADINGS]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((f): [string, Set<string>] => [f, FORM_CONTROLS]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ...[
    'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
    'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((b): [string, Set<string>] => [b, P]),
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
]);

/** Elements without content: never on the stack, closed right after their start tag. */
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content the tokenizer reads as raw text (RCDATA for title and textarea, the rest of the page for plaintext). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'iframe', 'noembed', 'noframes', 'plaintext', 'xmp']);

/** HTML integration points inside SVG or MathML (SVG-adjusted case, as htmlparser2 compares them). */
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title']);

/** Lower-cased SVG element names → their camel case. */
const SVG_NAMES = new Map(
  [
    'altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath',
    'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
    'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
    'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
    'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient',
    'radialGradient', 'textPath',
  ].map((n) => [n.toLowerCase(), n]),
);

/** The attributes of a tag without any (shared: most tags have none worth reporting). */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Slots of the name cache: 2 ** NAME_BITS. */
const NAME_BITS = 9;
const NAME_CACHE = 1 << NAME_BITS;

/** Hash of a name for the name cache (computed on the fly where names are scanned). */
function hashOf(s: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + s.charCodeAt(k)) | 0;
  return hash;
}

/** An attribute kept only when its value holds a match of `test`; `scan` finds candidates in the page. */
interface ValueFilter {
  /** The caller's pattern, without the global flag: tells whether a value holds a match. */
  test: RegExp;
  /** The same pattern, global: the next match in the page, for many values at once. */
  scan: RegExp;
  /** Start of the next match at or after where `scan` last began (the page length for none), -1 before the first search. */
  next: number;
}

/**
 * The same string as the engine's unique copy (as a property key is made one): the handler compares element
 * names with literals and looks them up in maps thousands of times per page, pointer checks once internalized.
 */
function internalize(s: string): string {
  return Object.keys({ [s]: 0 })[0] as string;
}

/** What the tree builder needs to know about one element name; made once per distinct name and page. */
interface Tag {
  /** Lower case (SVG camel case inside <svg>). */
  name: string;
  /** Open elements this one closes when it opens (openImpliesClose). */
  closes: Set<string> | undefined;
  /** Without content (VOID). */
  isVoid: boolean;
  /** Its content is raw text or RCDATA outside foreign content (RAW_TEXT). */
  rawText: boolean;
  /** The foreign context it opens: svg, math, or an HTML integration point (None); -1 for none. */
  context: F | -1;
  /** How many times it is on the stack. */
  open: number;
}

/**
 * Open elements and the start tag being read, for the tokenizer (html-scan.ts's Scanner extends it). Events
 * go to the handler as htmlparser2's Parser sends them.
 */
export class TreeBuilder {
  /** Open elements, innermost last. */
  private readonly stack: Tag[] = [];
  /** Foreign-content contexts, innermost last; the bottom entry is None. */
  private readonly foreign: F[] = [F.None];
  /** Element name → its Tag. */
  private readonly tags = new Map<string, Tag>();
  /** The start tag being read; null for an ignored second <form>. */
  private tag: Tag | null = null;
  /** The start tag being read will be reported (false for an ignored second <form>). */
  private reporting = false;
  /** Its attributes, made on the first one kept. */
  private attribs: Record<string, string> | null = null;
  private attribname = '';
  /** The attribute being read is to be kept: its tag is reported and the caller asked for its name. */
  protected wanted = false;
  /** Names of the attributes kept so far on this tag, the first `keptCount` (Object.hasOwn, cheaper). */
  private readonly kept: string[] = [];
  private keptCount = 0;
  /** Names of the attributes on this tag dropped by their value filter (a later duplicate stays dropped). */
  private readonly dropped: string[] = [];
  private droppedCount = 0;
  /** The value filter of the attribute being read, if it is kept and has one. */
  protected filter: ValueFilter | null = null;
  /** The caller's value filters, in the order of `filterNames`. */
  private readonly filters: ValueFilter[] = [];
  private readonly filterNames: string[] = [];
  protected attribvalue = '';
  /**
   * Direct-mapped cache of tag and attribute names by raw spelling: the lower-case name, its Tag outside
   * foreign content, whether an attribute of that name is wanted (0 unknown, 1 no, 2 yes, 3 + k yes if its
   * value passes filters[k]). Pages repeat a few dozen names thousands of times; this saves the slicing,
   * lower-casing and hashing of each.
   */
  private readonly rawNames: string[] = new Array<string>(NAME_CACHE).fill('');
  private readonly lowerNames: string[] = new Array<string>(NAME_CACHE).fill('');
  private readonly slotTags: (Tag | undefined)[] = new Array<Tag | undefined>(NAME_CACHE).fill(undefined);
  private readonly slotWanted: number[] = new Array<number>(NAME_CACHE).fill(0);

  constructor(
    /** The page. */
    protected readonly s: string,
    protected readonly h: HtmlHandler,
    /** Lower-case names of the attributes to report; all when undefined. */
    private readonly only: ReadonlySet<string> | undefined,
    /** Attributes reported only when their value holds a match of the pattern. */
    filters: ReadonlyMap<string, RegExp> | undefined,
  ) {
    if (filters === undefined) return;
    for (const [name, re] of filters) {
      const flags = re.flags.replace(/[gy]/g, '');
      this.filterNames.push(name);
      this.filters.push({ test: new RegExp(re.source, flags), scan: new RegExp(re.source, `${flags}g`), next: -1 });
    }
  }

  private tagOf(name: string): Tag {
    let tag = this.tags.get(name);
    if (tag === undefined) {
      name = internalize(name);
      const context = name === 'svg' ? F.Svg : name === 'math' ? F.MathML : INTEGRATION.has(name) ? F.None : -1;
      tag = { name, closes: IMPLIES_CLOSE.get(name), isVoid: VOID.has(name), rawText: RAW_TEXT.has(name), context, open: 0 };
      this.tags.set(name, tag);
    }
    return tag;
  }

  private isOpen(name: string): boolean {
    const tag = this.tags.get(name);
    return tag !== undefined && tag.open > 0;
  }

  protected inForeign(): boolean {
    return this.foreign[this.foreign.length - 1] !== F.None;
  }

  /** The name cache slot holding `s.slice(start, end)`. */
  private slot(start: number, end: number, hash = hashOf(this.s, start, end)): number {
    const s = this.s;
    const n = end - start;
    // Fibonacci hashing: the low bits of the plain hash put 'p' and 'td' in one slot, thrashing in every table.
    const slot = Math.imul(hash, 0x9e3779b1) >>> (32 - NAME_BITS);
    const raw = this.rawNames[slot] as string;
    if (raw.length === n) {
      let k = 0;
      while (k < n && raw.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === n) return slot;
    }
    const fresh = s.slice(start, end);
    this.rawNames[slot] = fresh;
    this.lowerNames[slot] = fresh.toLowerCase();
    this.slotTags[slot] = undefined;
    this.slotWanted[slot] = 0;
    return slot;
  }

  /** Parser.readTagName: lower case, SVG camel case inside <svg>, `image` → `img` outside foreign content. */
  protected tagAt(start: number, end: number, hash?: number): Tag {
    const slot = this.slot(start, end, hash);
    const name = this.lowerNames[slot] as string;
    if (this.foreign.length === 1) {
      // No foreign ancestor: the name depends on the spelling alone.
      let tag = this.slotTags[slot];
      if (tag === undefined) {
        tag = this.tagOf(name === 'image' ? 'img' : name);
        this.slotTags[slot] = tag;
      }
      return tag;
    }
    const ctx = this.foreign[this.foreign.length - 1];
    if (ctx === F.Svg) return this.tagOf(SVG_NAMES.get(name) ?? name);
    const adjusted = SVG_NAMES.get(name);
    if (adjusted !== undefined && this.isOpen(adjusted)) return this.tagOf(adjusted);
    if (ctx === F.None) return this.tagOf(name === 'image' ? 'img' : name);
    return this.tagOf(name);
  }

  /** Reads an attribute name: sets `attribname` and whether the attribute is kept. */
  protected attribAt(start: number, end: number, hash: number): void {
    const slot = this.slot(start, end, hash);
    const name = this.lowerNames[slot] as string;
    this.attribname = name;
    let wanted = this.slotWanted[slot] as number;
    if (wanted === 0) {
      const k = this.filterNames.indexOf(name);
      wanted = this.only !== undefined && !this.only.has(name) ? 1 : k >= 0 ? 3 + k : 2;
      this.slotWanted[slot] = wanted;
    }
    this.wanted = wanted >= 2 && this.reporting;
    this.filter = wanted >= 3 && this.reporting ? (this.filters[wanted - 3] as ValueFilter) : null;
  }

  /**
   * Whether the kept attribute value `s.slice(from, end)` (no references in it) may pass its filter: a match
   * of the filter starts inside it (or at its end, for a pattern that matches nothing). Each part of the page
   * is searched at most once for all values.
   */
  protected mayPass(from: number, end: number): boolean {
    const f = this.filter as ValueFilter;
    if (f.next < from) {
      f.scan.lastIndex = from;
      const m = f.scan.exec(this.s);
      f.next = m === null ? this.s.length : m.index;
    }
    return f.next <= end;
  }


  protected emitOpenTag(tag: Tag): void {
    // A second <form> is ignored altogether: no open event, its attributes dropped.
    if (tag.name === 'form' && tag.open > 0) {
      this.tag = null;
      this.reporting = false;
      return;
    }
    this.tag = tag;
    const closes = tag.closes;
    if (closes) while (this.stack.length > 0 && closes.has((this.stack[this.stack.length - 1] as Tag).name)) this.pop();
    if (!tag.isVoid) {
      this.stack.push(tag);
      tag.open++;
      if (tag.context !== -1) this.foreign.push(tag.context);
    }
    this.reporting = true;
    this.attribs = null;
    this.keptCount = 0;
    this.droppedCount = 0;
  }

  protected endOpenTag(): void {
    const tag = this.tag;
    if (tag === null) return;
    if (this.reporting) {
      this.h.onopentag(tag.name, this.attribs ?? NO_ATTRIBUTES);
      this.reporting = false;
      this.attribs = null;
    }
    if (tag.isVoid) this.h.onclosetag(tag.name);
    this.tag = null;
  }

  private pop(): void {
    const tag = this.stack.pop() as Tag;
    tag.open--;
    if (tag.context !== -1) this.foreign.pop();
    this.h.onclosetag(tag.name);
  }

  protected closeCurrentTag(): void {
    const tag = this.tag;
    this.endOpenTag();
    if (tag !== null && this.stack[this.stack.length - 1] === tag) this.pop();
  }

  protected closeTag(start: number, end: number, hash?: number): void {
    const tag = this.tagAt(start, end, hash);
    if (!tag.isVoid) {
      if (tag.open > 0) {
        // Searched only when open, so the search is paid for by the pops that follow (linear on deep stacks).
        const top = this.stack.length - 1;
        const at = this.stack[top] === tag ? top : this.stack.lastIndexOf(tag);
        for (let k = top; k >= at; k--) this.pop();
      } else if (tag.name === 'p') {
        // A stray </p> is an empty paragraph.
        this.emitOpenTag(tag);
        this.closeCurrentTag();
      }
    } else if (tag.name === 'br') {
      // A stray </br> is a line break.
      this.h.onopentag('br', NO_ATTRIBUTES);
      this.h.onclosetag('br');
    }
  }

  /**
   * Whether an attribute of this name was kept or dropped already on this tag (the first of duplicates wins).
   * Kept names: a short list beats a property lookup, tags with many attributes use the lookup.
   */
  private isKept(name: string): boolean {
    const n = this.keptCount;
    if (n >= 16) {
      if (Object.hasOwn(this.attribs as object, name)) return true;
    } else for (let k = 0; k < n; k++) if (this.kept[k] === name) return true;
    // At most one per filter.
    for (let k = 0; k < this.droppedCount; k++) if (this.dropped[k] === name) return true;
    return false;
  }

  /** Ends an attribute whose value is `attribvalue`: kept when wanted, first of its name, and past its filter. */
  protected attribEnd(): void {
    const name = this.attribname;
    if (this.wanted && !this.isKept(name)) {
      if (this.filter !== null && !this.filter.test.test(this.attribvalue)) this.dropped[this.droppedCount++] = name;
      else {
        this.attribs ??= {};
        this.attribs[name] = this.attribvalue;
        // Assigning '__proto__' sets no own property: it stays assignable, as with Object.hasOwn.
        if (name !== '__proto__') this.kept[this.keptCount++] = name;
      }
    }
    this.attribvalue = '';
  }

  /** Ends a wanted attribute whose value cannot pass its filter (mayPass said so), without reading the value. */
  protected attribDrop(): void {
    const name = this.attribname;
    if (!this.isKept(name)) this.dropped[this.droppedCount++] = name;
    this.attribvalue = '';
  }

  /** Parser.onend: closes the elements still open, innermost first. */
  protected closeAll(): void {
    for (let k = this.stack.length - 1; k >= 0; k--) this.h.onclosetag((this.stack[k] as Tag).name);
  }
}
