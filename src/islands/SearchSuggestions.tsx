import { Component } from "preact";
import { attachSuggestions } from "../scripts/search-suggestions.ts";

/**
 * Renders nothing: it exists so the header's suggestions arrive through Astro's island loader
 * (`client:when`, on focus), which imports them without adding a module-preload helper to every page.
 * The combobox itself is plain DOM code in src/scripts/search-suggestions.ts.
 */
export default class SearchSuggestions extends Component<{ inputId: string }> {
  override componentDidMount() {
    const input = document.getElementById(this.props.inputId);
    if (input instanceof HTMLInputElement) attachSuggestions(input);
  }

  override render() {
    return null;
  }
}
