import * as echarts from 'echarts';

/**
 * An Apache ECharts chart as a custom element. The server sets `option` (ECharts option JSON as a
 * string); a click on a bar or a category label dispatches `chart-click` with its index.
 * `chartOption` is the option as ECharts holds it after rendering, for tests and debugging.
 */
class RingtreeEChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private optionJson = '';
  private resizer?: ResizeObserver;

  set option(json: string) {
    this.optionJson = json ?? '';
    this.apply();
  }

  get option(): string {
    return this.optionJson;
  }

  get chartOption(): unknown {
    return this.chart ? this.chart.getOption() : null;
  }

  connectedCallback() {
    // a value the server set before this class was defined sits on the instance; take it over
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const early = (this as unknown as { option: string }).option;
      delete (this as unknown as { option?: string }).option;
      this.option = early;
    }
    if (!this.chart) {
      this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
      this.chart.on('click', (p: { dataIndex?: number; value?: unknown; componentType?: string }) => {
        let index = p.dataIndex;
        if (index === undefined && p.componentType !== 'series') {
          const axis = this.categories();
          index = axis.indexOf(String(p.value));
        }
        if (index !== undefined && index >= 0) {
          this.dispatchEvent(new CustomEvent('chart-click', { detail: { index } }));
        }
      });
      this.resizer = new ResizeObserver(() => this.chart?.resize());
      this.resizer.observe(this);
    }
    this.apply();
  }

  disconnectedCallback() {
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  private categories(): string[] {
    const o = this.optionJson ? JSON.parse(this.optionJson) : {};
    const axis = o.xAxis?.type === 'category' ? o.xAxis : o.yAxis;
    return axis?.data ?? [];
  }

  private apply() {
    if (this.chart && this.optionJson) {
      this.chart.setOption(JSON.parse(this.optionJson), { notMerge: true });
    }
  }
}

customElements.define('ringtree-echart', RingtreeEChart);
