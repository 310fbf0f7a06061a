// The unreadable-file messages and cell problems that bad input produces (core
// src/import/read.rs and values.rs): each names the file and sheet, or the cell's text, in both
// languages.
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../i18n'
import { problemText } from '../features/import/format'
import { readErrorText } from '../errors'

afterEach(() => setLocale('zh-CN'))

describe('messages for bad import files', () => {
  it('not a spreadsheet, header only, too many bytes', () => {
    setLocale('zh-CN')
    expect(readErrorText({ type: 'unknownFormat', data: { file: '导出.xls' } })).toContain(
      '文件「导出.xls」不是可以识别的表格文件',
    )
    expect(readErrorText({ type: 'headerOnly', data: { file: '名单.xlsx', sheet: '客户' } })).toBe(
      '文件「名单.xlsx」的工作表「客户」只有表头，下面没有数据行。',
    )
    expect(
      readErrorText({
        type: 'tooLarge',
        data: { file: '炸弹.xlsx', sheet: 'xl/worksheets/sheet1.xml', what: 'bytes', limit: 536870912 },
      }),
    ).toBe(
      '文件「炸弹.xlsx」的工作表「xl/worksheets/sheet1.xml」太大：字节数超过上限 536,870,912。请拆成几个文件分批导入。',
    )
    setLocale('en')
    expect(readErrorText({ type: 'unknownFormat', data: { file: 'export.xls' } })).toContain(
      '“export.xls” is not a spreadsheet',
    )
    expect(readErrorText({ type: 'headerOnly', data: { file: 'list.xlsx', sheet: 'Customers' } })).toBe(
      'Sheet “Customers” of “list.xlsx” has a header but no rows below it.',
    )
  })

  it('formulas without values and undecodable text are named with the cell text', () => {
    setLocale('zh-CN')
    expect(problemText({ code: 'value', value: { code: 'formula', text: '=SUM(B2:B3)' } })).toBe(
      "公式没有计算结果 '=SUM(B2:B3)'（请在 Excel 或 WPS 中打开并保存后再导入）",
    )
    expect(problemText({ code: 'value', value: { code: 'undecodable', text: '华东\uFFFD密' } })).toBe(
      "文字无法识别，可能是文件编码选错了 '华东\uFFFD密'",
    )
    setLocale('en')
    expect(problemText({ code: 'value', value: { code: 'formula', text: '=A2' } })).toContain(
      "a formula without a calculated value: '=A2'",
    )
  })
})
