import ExcelJS from 'exceljs';

/** An XLSX file made in memory: one worksheet whose rows are the given cell values (null = an empty cell). */
export async function xlsxOf(lines: readonly (readonly ExcelJS.CellValue[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('线索');
  lines.forEach((values, i) => {
    values.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value;
    });
  });
  // A second sheet must be ignored: the leads are on the first.
  workbook.addWorksheet('说明').getCell('A1').value = '姓名';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
