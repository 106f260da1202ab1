/** History charts: inline SVG drawn at build time, each with a caption and a table of the same data. */
export { bumpChart, type BumpChartOptions } from './bump.js'
export { frontierChart, type FrontierChartOptions } from './frontier.js'
export { leaderTimelineChart, type LeaderTimelineChartOptions } from './leader-timeline.js'
export { nudge, placeFree, placeLabels, type Box, type Label } from './labels.js'
export { assignStyles, COLOURS, DASHES, styleClasses } from './palette.js'
export { fixed, labelText, textWidth, type ChartResult, type ChartTable } from './svg.js'
export { eventMarks, eventsCaption, eventsIn, type ChartEvent } from './events.js'
export { gapShades, instant, timeAxis, timeScale, xOf, type TimeAxisOptions, type TimeScale } from './time-axis.js'
