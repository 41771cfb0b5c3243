// Building DOM without HTML strings: text is always added as text nodes, so nothing in the data becomes markup.

export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

// Only web links are followed; anything else (javascript:, data:) is shown as text.
export function webUrl(url) {
  return typeof url === 'string' && /^https?:\/\/\S+$/i.test(url) ? url : null;
}

export function linkOrText(url, label) {
  const safe = webUrl(url);
  return safe ? el('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' }, label ?? safe) : (label ?? url);
}
