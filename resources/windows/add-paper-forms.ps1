# 分支账簿 · Branch Ledger
# Adds the paper forms of 241 mm continuous stationery (三联 pin-feed forms) to this computer's print
# server, so a dot-matrix printer's driver can be set to the very size the app prints on and does not
# feed them as A4 and drift. Run once, as administrator:
#   powershell -ExecutionPolicy Bypass -File add-paper-forms.ps1
# A form that is already there is set to these sizes again. Then, in each printer's 打印首选项 › 纸张,
# choose the form, and print a calibration page from the app's 打印设置.
#Requires -RunAsAdministrator
$ErrorActionPreference = 'Stop'

Add-Type -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

public static class PaperForms {
  [StructLayout(LayoutKind.Sequential)]
  public struct SIZEL { public int cx; public int cy; }

  [StructLayout(LayoutKind.Sequential)]
  public struct RECTL { public int left; public int top; public int right; public int bottom; }

  // Sizes in thousandths of a millimetre, as the spooler takes them.
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public struct FORM_INFO_1 { public uint Flags; public string pName; public SIZEL Size; public RECTL ImageableArea; }

  [StructLayout(LayoutKind.Sequential)]
  public struct PRINTER_DEFAULTS { public IntPtr pDatatype; public IntPtr pDevMode; public int DesiredAccess; }

  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool OpenPrinter(string pPrinterName, out IntPtr phPrinter, ref PRINTER_DEFAULTS pDefault);

  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr hPrinter);

  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool AddForm(IntPtr hPrinter, int level, ref FORM_INFO_1 form);

  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool SetForm(IntPtr hPrinter, string pFormName, int level, ref FORM_INFO_1 form);

  const int ServerAccessAdminister = 0x1;
  const int ErrorFileExists = 80;
  const int ErrorAlreadyExists = 183;

  public static string Add(string name, int widthMicrons, int heightMicrons) {
    var defaults = new PRINTER_DEFAULTS { DesiredAccess = ServerAccessAdminister };
    IntPtr server;
    // A null printer name is the local print server, whose forms every printer offers.
    if (!OpenPrinter(null, out server, ref defaults)) throw new Win32Exception();
    try {
      var form = new FORM_INFO_1 {
        Flags = 0,
        pName = name,
        Size = new SIZEL { cx = widthMicrons, cy = heightMicrons },
        ImageableArea = new RECTL { left = 0, top = 0, right = widthMicrons, bottom = heightMicrons },
      };
      if (AddForm(server, 1, ref form)) return "已添加";
      int error = Marshal.GetLastWin32Error();
      if ((error == ErrorFileExists || error == ErrorAlreadyExists) && SetForm(server, name, 1, ref form)) return "已更新";
      throw new Win32Exception(error);
    } finally {
      ClosePrinter(server);
    }
  }
}
'@

$forms = @(
  @{ Name = '三联 241x93'; Width = 241000; Height = 93000 },
  @{ Name = '三联 241x140'; Width = 241000; Height = 140000 },
  @{ Name = '三联 241x279.4'; Width = 241000; Height = 279400 }
)
foreach ($form in $forms) {
  $outcome = [PaperForms]::Add($form.Name, $form.Width, $form.Height)
  Write-Host ('{0}（{1} × {2} mm）：{3}' -f $form.Name, ($form.Width / 1000), ($form.Height / 1000), $outcome)
}
