/**
 * An HTML tokenizer over a decoded string that gives exactly the events htmlparser2 12.0.0's Parser gives
 * (HTML mode, decodeEntities on, the whole page written at once): the same implied closes and opens, raw-text
 * elements, bogus comments, end-of-input leftovers. Only the splitting of text runs may differ (the reader
 * concatenates them). htmlparser2 took 1.4 ms on a 108 KB saved page (a method call per character, a stack
 * kept with unshift/shift, a string and a lookup per name); this scanner takes ~0.4 ms with the reader's
 * options: it jumps between the characters that matter with local state, reads a whole attribute list in one
 * loop, reuses one record per element name, and never slices a value the caller did not ask for. Each state
 * is a port of the Tokenizer method of the same name; comments mark the quirks kept on purpose, since
 * matching htmlparser2 (what the reader was validated with) matters more than matching browsers. Character references are decoded by htmlparser2's own decoder (the `entities` package). It never
 * throws and always advances, and no search is repeated over the same text, so any input ends in linear time.
 * This file holds the Tokenizer's states; the Parser's rules (implied closes, void elements, foreign content)
 * and the collection of attributes are in html-tree.ts.
 */
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { type HtmlHandler, TreeBuilder } from './html-tree.ts';

export type { HtmlHandler } from './html-tree.ts';

const enum S {
  Text,
  BeforeTagName,
  InTagName,
  InSelfClosingTag,
  BeforeClosingTagName,
  InClosingTagName,
  AfterClosingTagName,
  /** Also htmlparser2's InAttributeName, AfterAttributeName and BeforeAttributeValue: read in one loop. */
  BeforeAttributeName,
  InAttributeValueDq,
  InAttributeValueSq,
  InAttributeValueNq,
  BeforeDeclaration,
  InDeclaration,
  BeforeComment,
  CdataSequence,
  DeclarationSequence,
  InSpecialComment,
  InCommentLike,
  SpecialStartSequence,
  InSpecialTag,
  InPlainText,
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const DASH = 45;
const EQ = 61;
const DQ = 34;
const SQ = 39;

/** End sequences, lower case; raw-text ends start with `</`, so the tag name's first letter is at index 2. */
const EMPTY = '';
const CDATA = 'CDATA[';
const CDATA_END = ']]>';
const COMMENT_END = '--!>';
const DOCTYPE = 'doctype';
const SCRIPT_END = '</script';
const STYLE_END = '</style';
const TITLE_END = '</title';
const TEXTAREA_END = '</textarea';
const IFRAME_END = '</iframe';
const NOEMBED_END = '</noembed';
const NOFRAMES_END = '</noframes';
const PLAINTEXT = '</plaintext';
const XMP_END = '</xmp';

/** First letter of a raw-text element's name → its end sequence (as htmlparser2's specialStartSequences). */
function specialStart(c: number): string | undefined {
  switch (c | 0x20) {
    case 0x69: return IFRAME_END;
    case 0x6e: return NOEMBED_END;
    case 0x70: return PLAINTEXT;
    case 0x73: return SCRIPT_END;
    case 0x74: return TITLE_END;
    case 0x78: return XMP_END;
    default: return undefined;
  }
}

/** Position of the first `ch` at or after `from`, else the length of `s`. */
function next(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at < 0 ? s.length : at;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}

function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Options of `scanHtml`. */
export interface ScanOptions {
  /**
   * Lower-case names of the attributes to report; the others are left out of `attribs` (and never sliced
   * or decoded). All attributes when absent.
   */
  attributes?: ReadonlySet<string>;
  /**
   * Lower-case attribute names → a pattern their value must contain a match of (its global and sticky flags
   * ignored), else the attribute is left out as if absent (a later duplicate stays out). A value without
   * character references is not even sliced unless a match of the pattern in the page starts inside it, so
   * the pattern must not look outside its match: no anchors, lookaround or \b.
   */
  filters?: ReadonlyMap<string, RegExp>;
}

/** Walks decoded HTML, calling the handler in document order with htmlparser2's events. */
export function scanHtml(html: string, handler: HtmlHandler, options: ScanOptions = {}): void {
  new Scanner(html, handler, options.attributes, options.filters).run();
}

/** The tokenizer: Tokenizer states here, tree rules and attribute collection in TreeBuilder. */
class Scanner extends TreeBuilder {
  private readonly decoder: EntityDecoder;
  /** What the entity decoder last emitted, and the characters it consumed (the `&` included). */
  private entValue = '';
  private entConsumed = 0;

  constructor(s: string, h: HtmlHandler, only: ReadonlySet<string> | undefined, filters: ReadonlyMap<string, RegExp> | undefined) {
    super(s, h, only, filters);
    this.decoder = new EntityDecoder(htmlDecodeTree, (cp, consumed) => {
      this.entValue += String.fromCodePoint(cp);
      this.entConsumed = consumed;
    });
  }

  /**
   * Decodes the character reference whose `&` is at `amp`: afterwards `entConsumed` is the characters
   * consumed (0: not a reference, the `&` is literal). Returns whether the decoder ran into the end of the
   * input, where the tokenizer stops (nothing is left to read) after letting the decoder settle.
   */
  private entity(amp: number, mode: DecodingMode): boolean {
    this.entValue = '';
    this.entConsumed = 0;
    this.decoder.startEntity(mode);
    if (this.decoder.write(this.s, amp + 1) >= 0) return false;
    this.decoder.end();
    return true;
  }

  /** Where scanning goes on after `reference`: past the reference, past a literal `&`, or the input's end. */
  private refNext = 0;

  /**
   * The character reference whose `&` is at `amp`, in text or in an attribute value (`start`: where the
   * characters not yet passed on begin). A reference passes on those characters and then its decoded ones
   * (as text, or onto the attribute value) and returns the new start; a literal `&` changes nothing.
   */
  private reference(amp: number, start: number, mode: DecodingMode, inAttribute: boolean): number {
    const ended = this.entity(amp, mode);
    let from = start;
    if (this.entConsumed > 0) {
      if (inAttribute) {
        if (start < amp) this.attribvalue += this.s.slice(start, amp);
        this.attribvalue += this.entValue;
      } else {
        if (start < amp) this.text(start, amp);
        this.h.ontext(this.entValue);
      }
      from = amp + this.entConsumed;
    }
    this.refNext = ended ? this.s.length : this.entConsumed > 0 ? from : amp + 1;
    return from;
  }

  private text(start: number, end: number): void {
    this.h.ontext(this.s.slice(start, end));
  }

  run(): void {
    const s = this.s;
    const h = this.h;
    const len = s.length;
    let i = 0;
    let state = S.Text;
    /** Start of the section being read (htmlparser2's sectionStart; -1 after a name or value was taken). */
    let start = 0;
    let seq = EMPTY;
    let seqIdx = 0;
    let special = false;
    /** Start of the text before a '<' not yet known to start markup. */
    let textStart = 0;
    // Next '<', '&', '"' and "'" at or after some earlier position (`len` when none): each is searched for
    // again only once passed, which keeps runs of '&' (or of quotes) from rescanning the rest of the page.
    let lt = -1;
    let amp = -1;
    let dq = -1;
    let sq = -1;

    while (i < len) {
      const c = s.charCodeAt(i);
      switch (state) {
        case S.Text: {
          if (amp < i) amp = next(s, '&', i);
          if (lt < i) lt = next(s, '<', i);
          const j = lt < amp ? lt : amp;
          if (j === len) {
            i = len;
            continue;
          }
          i = j;
          if (s.charCodeAt(i) === LT) {
            const d = s.charCodeAt(i + 1);
            if (isAsciiAlpha(d)) {
              // A start tag, read here as BeforeTagName → InTagName would. One that may open raw text (<script>,
              // <title>…) goes the long way, through SpecialStartSequence, as does an unfinished one that might.
              const mayBeRaw = !this.inForeign() && specialStart(d) !== undefined;
              let e = i + 2;
              let hash = d;
              for (let x = s.charCodeAt(e); e < len && !isEndOfTagSection(x); x = s.charCodeAt(++e)) {
                hash = (Math.imul(hash, 31) + x) | 0;
              }
              if (e < len) {
                const tag = this.tagAt(i + 1, e, hash);
                if (!(mayBeRaw && tag.rawText)) {
                  if (i > start) this.text(start, i);
                  this.emitOpenTag(tag);
                  start = -1;
                  state = S.BeforeAttributeName;
                  i = e;
                  continue;
                }
              } else if (!mayBeRaw) {
                if (i > start) this.text(start, i);
                start = i + 1;
                state = S.InTagName;
                i = len;
                continue;
              }
            }
            if (d === SLASH && isAsciiAlpha(s.charCodeAt(i + 2))) {
              // An end tag, read as BeforeTagName → BeforeClosingTagName → InClosingTagName would.
              if (i > start) this.text(start, i);
              start = i + 2;
              let e = i + 3;
              let hash = s.charCodeAt(start);
              for (let x = s.charCodeAt(e); e < len && !isEndOfTagSection(x); x = s.charCodeAt(++e)) {
                hash = (Math.imul(hash, 31) + x) | 0;
              }
              i = e;
              if (e === len) {
                state = S.InClosingTagName;
                continue;
              }
              this.closeTag(start, e, hash);
              start = -1;
              state = S.AfterClosingTagName;
              continue;
            }
            // The text before is sent once the '<' proves to start markup, so that stray '<' join the text.
            textStart = start;
            state = S.BeforeTagName;
            start = i;
            break;
          }
          start = this.reference(i, start, DecodingMode.Legacy, false);
          i = this.refNext;
          continue;
        }
        case S.BeforeTagName:
          if (!isAsciiAlpha(c) && c !== 33 && c !== 63 && c !== SLASH) {
            // Not markup: the '<' stays in the text.
            start = textStart;
            state = S.Text;
            continue;
          }
          if (start > textStart) this.text(textStart, start);
          if (c === 33 /* ! */) {
            state = S.BeforeDeclaration;
            start = i + 1;
          } else if (c === 63 /* ? */) {
            // <?…> is a bogus comment in HTML.
            state = S.InSpecialComment;
            start = i;
          } else if (isAsciiAlpha(c)) {
            start = i;
            const end = this.inForeign() ? undefined : specialStart(c);
            if (end === undefined) state = S.InTagName;
            else {
              special = true;
              seq = end;
              seqIdx = 3;
              state = S.SpecialStartSequence;
            }
          } else state = S.BeforeClosingTagName;
          break;
        case S.SpecialStartSequence: {
          const lower = c | 0x20;
          if (seqIdx < seq.length) {
            if (lower === seq.charCodeAt(seqIdx)) {
              seqIdx++;
              break;
            }
            if (seqIdx === 3) {
              if (seq === SCRIPT_END && lower === STYLE_END.charCodeAt(3)) {
                seq = STYLE_END;
                seqIdx = 4;
                break;
              }
              if (seq === TITLE_END && lower === TEXTAREA_END.charCodeAt(3)) {
                seq = TEXTAREA_END;
                seqIdx = 4;
                break;
              }
            } else if (seqIdx === 4 && seq === NOEMBED_END && lower === NOFRAMES_END.charCodeAt(4)) {
              seq = NOFRAMES_END;
              seqIdx = 5;
              break;
            }
          } else if (isEndOfTagSection(c)) {
            seqIdx = 0;
            state = S.InTagName;
            continue;
          }
          special = false;
          seq = EMPTY;
          seqIdx = 0;
          state = S.InTagName;
          continue;
        }
        case S.InTagName: {
          let j = i;
          while (j < len && !isEndOfTagSection(s.charCodeAt(j))) j++;
          if (j === len) {
            i = len;
            continue;
          }
          this.emitOpenTag(this.tagAt(start, j));
          start = -1;
          state = S.BeforeAttributeName;
          i = j;
          continue;
        }
        case S.BeforeAttributeName: {
          // The usual attribute list (names, `=`, quoted values, spaces) is read here in one go, as the states
          // BeforeAttributeName → InAttributeName → AfterAttributeName → BeforeAttributeValue → quoted value
          // would read it. It stops at '>' or '/', and hands an unquoted value or a kept value holding a '&' to
          // the value states. At the end of the input the unfinished tag is dropped whatever its state.
          let k = i;
          let d = c;
          /** Where the list stopped: at '>' or '/' (BeforeAttributeName), or at a value for a value state. */
          let stop = S.BeforeAttributeName;
          for (;;) {
            while (isWhitespace(d)) d = s.charCodeAt(++k);
            if (k >= len || d === GT || d === SLASH) break;
            // A name: its first character is taken whatever it is (even '=').
            let e = k + 1;
            let x = s.charCodeAt(e);
            let hash = d;
            while (e < len && x !== EQ && !isEndOfTagSection(x)) {
              hash = (Math.imul(hash, 31) + x) | 0;
              x = s.charCodeAt(++e);
            }
            if (e >= len) {
              k = len;
              break;
            }
            this.attribAt(k, e, hash);
            while (isWhitespace(x)) x = s.charCodeAt(++e);
            if (e >= len) {
              k = len;
              break;
            }
            if (x !== EQ) {
              // No value; what follows ('/', '>' or the next name) is read afresh.
              this.attribEnd();
              k = e;
              d = x;
              continue;
            }
            k = e + 1;
            d = s.charCodeAt(k);
            while (isWhitespace(d)) d = s.charCodeAt(++k);
            if (k >= len) break;
            if (d !== DQ && d !== SQ) {
              stop = S.InAttributeValueNq;
              break;
            }
            const from = k + 1;
            const end = d === DQ ? (dq < from ? (dq = next(s, '"', from)) : dq) : sq < from ? (sq = next(s, "'", from)) : sq;
            if (end === len) {
              k = len;
              break;
            }
            if (this.wanted) {
              if (amp < from) amp = next(s, '&', from);
              if (amp < end) {
                stop = d === DQ ? S.InAttributeValueDq : S.InAttributeValueSq;
                k = from;
                break;
              }
              if (this.filter === null || this.mayPass(from, end)) {
                this.attribvalue += s.slice(from, end);
                this.attribEnd();
              } else this.attribDrop();
            }
            k = end + 1;
            d = s.charCodeAt(k);
          }
          if (k >= len) {
            i = len;
            continue;
          }
          i = k;
          if (stop !== S.BeforeAttributeName) {
            state = stop;
            start = k;
            continue;
          }
          if (d === SLASH) {
            state = S.InSelfClosingTag;
            break;
          }
          this.endOpenTag();
          // Tokenizer.enterTagBody: raw text after <script> and the like, the rest of the page after <plaintext>.
          if (seq === PLAINTEXT) {
            seq = EMPTY;
            state = S.InPlainText;
          } else if (special) {
            state = S.InSpecialTag;
            seqIdx = 0;
          } else state = S.Text;
          start = i + 1;
          break;
        }
        case S.InSelfClosingTag:
          if (c === GT) {
            // HTML ignores the slash, except in foreign content.
            if (this.inForeign()) this.closeCurrentTag();
            else this.endOpenTag();
            start = i + 1;
            // Tokenizer.enterTagBody: raw text after <script> and the like, the rest of the page after <plaintext>.
            if (seq === PLAINTEXT) {
              seq = EMPTY;
              state = S.InPlainText;
            } else if (special) {
              state = S.InSpecialTag;
              seqIdx = 0;
            } else state = S.Text;
          } else if (!isWhitespace(c)) {
            state = S.BeforeAttributeName;
            continue;
          }
          break;
        case S.InAttributeValueDq:
        case S.InAttributeValueSq:
        case S.InAttributeValueNq: {
          const quote = state === S.InAttributeValueDq ? DQ : state === S.InAttributeValueSq ? SQ : 0;
          // Only a kept value needs its references decoded; none can run past a quote, a space or '>'.
          const wanted = this.wanted;
          if (wanted && amp < i) amp = next(s, '&', i);
          let j = i;
          if (quote !== 0) {
            if (quote === DQ) j = dq < i ? (dq = next(s, '"', i)) : dq;
            else j = sq < i ? (sq = next(s, "'", i)) : sq;
            if (wanted && amp < j) j = amp;
          } else {
            for (; j < len; j++) {
              const d = s.charCodeAt(j);
              if ((d === AMP && wanted) || isWhitespace(d) || d === GT) break;
            }
          }
          if (j === len) {
            i = len;
            continue;
          }
          i = j;
          if (s.charCodeAt(i) !== AMP) {
            if (wanted) this.attribvalue += s.slice(start, i);
            start = -1;
            this.attribEnd();
            state = S.BeforeAttributeName;
            if (quote === 0) continue;
            break;
          }
          start = this.reference(i, start, DecodingMode.Attribute, true);
          i = this.refNext;
          continue;
        }
        case S.BeforeClosingTagName:
          if (isWhitespace(c)) {
            state = S.InSpecialComment;
            start = i;
          } else if (c === GT) {
            // `</>` vanishes.
            state = S.Text;
            start = i + 1;
          } else {
            state = isAsciiAlpha(c) ? S.InClosingTagName : S.InSpecialComment;
            start = i;
          }
          break;
        case S.InClosingTagName: {
          let j = i;
          while (j < len && !isEndOfTagSection(s.charCodeAt(j))) j++;
          if (j === len) {
            i = len;
            continue;
          }
          this.closeTag(start, j);
          start = -1;
          state = S.AfterClosingTagName;
          i = j;
          continue;
        }
        case S.AfterClosingTagName:
        case S.InDeclaration:
        case S.InSpecialComment: {
          const gt = c === GT ? i : s.indexOf('>', i + 1);
          if (gt < 0) {
            i = len;
            continue;
          }
          if (state === S.InSpecialComment) h.oncomment(s.slice(start, gt));
          state = S.Text;
          start = gt + 1;
          i = gt;
          break;
        }
        case S.BeforeDeclaration:
          if (c === 91 /* [ */) {
            state = S.CdataSequence;
            seqIdx = 0;
          } else if ((c | 0x20) === 0x64 /* d */) {
            state = S.DeclarationSequence;
            seq = DOCTYPE;
            seqIdx = 1;
          } else if (c === GT) {
            h.oncomment(s.slice(start, i));
            state = S.Text;
            start = i + 1;
          } else if (c === DASH) state = S.BeforeComment;
          else state = S.InSpecialComment;
          break;
        case S.CdataSequence:
          if (c === CDATA.charCodeAt(seqIdx)) {
            if (++seqIdx === CDATA.length) {
              state = S.InCommentLike;
              seq = CDATA_END;
              seqIdx = 0;
              start = i + 1;
            }
            break;
          }
          // Word's <![if …]> and <![endif]> end up here: bogus comments.
          seqIdx = 0;
          state = S.InSpecialComment;
          continue;
        case S.DeclarationSequence:
          if (seqIdx === DOCTYPE.length) {
            state = S.InDeclaration;
            continue;
          }
          if ((c | 0x20) === DOCTYPE.charCodeAt(seqIdx)) seqIdx++;
          else if (c === GT) {
            h.oncomment(s.slice(start, i));
            state = S.Text;
            start = i + 1;
          } else state = S.InSpecialComment;
          break;
        case S.BeforeComment:
          if (c === DASH) {
            state = S.InCommentLike;
            seq = COMMENT_END;
            seqIdx = 0;
            start = i + 1;
          } else if (c === GT) {
            h.oncomment(s.slice(start, i));
            state = S.Text;
            start = i + 1;
          } else state = S.InSpecialComment;
          break;
        case S.InCommentLike:
          if (seq === COMMENT_END && seqIdx <= 1 && i === start + seqIdx && c === GT) {
            // <!--> and <!---> are empty comments.
            h.oncomment('');
            seqIdx = 0;
            start = i + 1;
            state = S.Text;
          } else if (seq === COMMENT_END && seqIdx === 2 && c === GT) {
            h.oncomment(s.slice(start, i - 2));
            seqIdx = 0;
            start = i + 1;
            state = S.Text;
          } else if (seq === COMMENT_END && seqIdx === 3 && c !== GT) {
            seqIdx = c === DASH ? 1 : 0;
          } else if (c === seq.charCodeAt(seqIdx)) {
            if (++seqIdx === seq.length) {
              const data = s.slice(start, i - (seq === CDATA_END ? 2 : 3));
              if (seq !== CDATA_END) h.oncomment(data);
              else if (this.inForeign()) h.ontext(data);
              else h.oncomment(`[CDATA[${data}]]`);
              seqIdx = 0;
              start = i + 1;
              state = S.Text;
            }
          } else if (seqIdx === 0) {
            const at = s.indexOf(seq.charAt(0), i + 1);
            if (at < 0) {
              i = len;
              continue;
            }
            i = at;
            seqIdx = 1;
          } else if (c !== seq.charCodeAt(seqIdx - 1)) seqIdx = 0;
          break;
        case S.InSpecialTag:
          if (seqIdx === seq.length) {
            if (isEndOfTagSection(c)) {
              const endOfText = i - seq.length;
              if (start < endOfText) this.text(start, endOfText);
              special = false;
              start = endOfText + 2;
              state = S.InClosingTagName;
              continue;
            }
            seqIdx = 0;
          }
          // `| 0x20` as htmlparser2: it also takes U+001C for '<' and U+000F for '/'.
          if ((c | 0x20) === seq.charCodeAt(seqIdx)) seqIdx++;
          else if (seqIdx === 0) {
            if (seq === TITLE_END || seq === TEXTAREA_END) {
              // RCDATA: entities are decoded while looking for the end tag.
              if (c === AMP) {
                start = this.reference(i, start, DecodingMode.Legacy, false);
                i = this.refNext;
                continue;
              }
            } else {
              if (lt <= i) lt = next(s, '<', i + 1);
              if (lt === len) {
                i = len;
                continue;
              }
              i = lt;
              seqIdx = 1;
            }
          } else seqIdx = c === LT ? 1 : 0;
          break;
        case S.InPlainText:
          i = len;
          continue;
      }
      i++;
    }
    this.finish(state, state === S.BeforeTagName ? textStart : start, seq, seqIdx);
  }

  /** Tokenizer.handleTrailingData, then Parser.onend: what is left at the end of the input. */
  private finish(state: S, start: number, seq: string, seqIdx: number): void {
    const s = this.s;
    const h = this.h;
    const end = s.length;
    switch (state) {
      case S.InCommentLike:
        if (seq === CDATA_END) h.oncomment(s.slice(start - CDATA.length - 1, end));
        else h.oncomment(s.slice(start, end - Math.min(seqIdx, COMMENT_END.length - 1)));
        break;
      case S.BeforeDeclaration:
      case S.InSpecialComment:
      case S.BeforeComment:
      case S.CdataSequence:
        h.oncomment(s.slice(start, end));
        break;
      case S.DeclarationSequence:
        if (seqIdx !== DOCTYPE.length) h.oncomment(s.slice(start, end));
        break;
      case S.InDeclaration:
      // An unfinished tag is dropped.
      case S.InTagName:
      case S.BeforeAttributeName:
      case S.InAttributeValueSq:
      case S.InAttributeValueDq:
      case S.InAttributeValueNq:
      case S.InClosingTagName:
        break;
      default:
        // Text, raw text, and leftovers such as `<scr` or `</`. A section start of -1 (after `</a ` or
        // `<br/`) makes htmlparser2 slice from -1, i.e. emit the last character: kept.
        if (start < end) h.ontext(s.slice(start, end));
    }
    this.closeAll();
  }
}
