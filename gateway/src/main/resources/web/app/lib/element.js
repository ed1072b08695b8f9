// The console's elements render into the light DOM, so one stylesheet (console.css) styles every page and the browser
// tests reach every element with plain selectors.

import {LitElement} from 'lit';

export class HcElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
