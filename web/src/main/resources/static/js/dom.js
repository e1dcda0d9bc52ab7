// Builds markup from elements and text nodes, never from HTML strings, so that text
// from the API can never turn into markup.

export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A labelled form control: the label and the control stay together on every width. */
export function field(label, control, hint) {
  const id = control.id || (control.id = uniqueId('f'));
  const hintElement = hint ? h('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintElement) {
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hintElement);
}

export function options(select, items, selected) {
  replace(select, items.map(([value, label]) => h('option', { value, selected: value === selected, text: label })));
  if (selected !== undefined && items.some(([value]) => value === selected)) {
    select.value = selected;
  }
  return select;
}

let counter = 0;

export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** An alert area for one view's errors: hidden until there is something to say. */
export function alertArea() {
  const element = h('p', { class: 'alert', role: 'alert', hidden: true });
  return {
    element,
    show(problem) {
      element.textContent = problem?.message ?? String(problem);
      element.hidden = false;
    },
    clear() {
      element.textContent = '';
      element.hidden = true;
    },
  };
}
