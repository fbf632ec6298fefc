// The site's own configuration: kbcompile never reads anything under .vuepress/ but public/.
import { defineUserConfig } from 'vuepress'
import { plumeTheme } from 'vuepress-theme-plume'

export default defineUserConfig({
  lang: 'zh-CN',
  title: '机器学习笔记',
  theme: plumeTheme({ markdown: { abbr: true, math: { type: 'katex' } } }),
})
