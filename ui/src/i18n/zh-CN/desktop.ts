// 桌面: the native menu's companions in the page — 关于, 最近打开的数据库, dropping a file to import.
export default {
  desktop: {
    about: {
      title: '关于大客户档案',
      version: '版本 {version}',
      tagline: '在自己的电脑上建立大客户档案：客户画像、关键人、权力地图、采购趋势、跟进与商机。',
      data: '数据只保存在本机的数据库文件中。',
      licence: '以 MIT 许可证发布。',
    },
    recent: {
      title: '最近打开的数据库',
      hint: '文件 → 最近打开 中列出的数据库。打开其他数据库时，当前数据库会先关闭，数据不受影响。',
      empty: '还没有打开过其他数据库。可通过 文件 → 打开数据库… 打开。',
      current: '当前',
      missing: '文件不存在',
      open: '打开',
      remove: '从列表移除',
      removeLabel: '从列表移除 {name}',
      opened: '已打开 {name}',
    },
    drop: {
      hint: '松开鼠标，导入这个文件',
      folder: '「{name}」是文件夹。请拖入一个 Excel 或 CSV 文件。',
      busy: '导入向导正在使用中。请先完成或关闭它，再拖入新文件。',
      several: '一次只能导入一个文件，请只拖入一个。',
      unreadable: '无法读取「{name}」：{detail}',
    },
    undoNothingHere: '这个页面没有可撤销的删除',
    pageRecovered: '界面意外中断，已重新载入。已保存的数据都在；正在填写但未保存的内容需要重新填写。',
  },
}
