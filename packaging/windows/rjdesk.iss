; rjdesk for Windows: an Inno Setup 6 installer around the PyInstaller folder dist\rjdesk\
; (build.spec). IT's guide, with the silent-install flags: docs/deploying.md.
;
; Build it after `pyinstaller --noconfirm build.spec`, from the repository's root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\rjdesk.iss
;
; AppVersion is the version in pyproject.toml (.github/workflows/build.yml passes it). The
; installer is written to dist\rjdesk-<version>-setup.exe.
;
; A per-user install, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\rjdesk ({autopf} in non-administrative mode), a Start menu shortcut
; is made, and an uninstaller is registered for this user in Apps & features.
;
; THE VAULT. rjdesk keeps each facilitator's encrypted vault in %LOCALAPPDATA%\rjdesk
; (platformdirs.user_data_path("rjdesk", appauthor=False, roaming=False), rjdesk/store/vault.py).
; That is deliberately NOT the folder the program is installed in, and this script never names
; it except to refuse an install folder that overlaps it (see [Code]). The uninstaller removes
; only the files this installer put in {app}; there is no [UninstallDelete] section, and there
; must never be one that reaches the vault: uninstalling or upgrading rjdesk must leave every
; vault.key, cases.db and backups\ where it is.
;
; Why not MSIX: an MSIX-packaged app's writes to %LOCALAPPDATA% are redirected into the
; package's private folder (%LOCALAPPDATA%\Packages\<family>\LocalCache\...), and Windows
; deletes that folder when the package is uninstalled. A facilitator's vault would vanish with
; the app, taking every case not yet synced with it. A classic installer leaves it alone.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\windows\rjdesk.iss
#endif

#define AppName "rjdesk"
#define AppExe "rjdesk.exe"
; Relative to this script's folder (Inno Setup's SourceDir).
#define DistDir "..\..\dist"

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy and its uninstaller.
AppId={{9F229933-E550-4722-997E-1D3B76C5F495}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=rjdesk
; Per user, no elevation. IT can still ask for a machine-wide install into Program Files
; with /ALLUSERS from an elevated deployment (the vault stays per user either way).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
; {autopf} is %LOCALAPPDATA%\Programs per user, Program Files with /ALLUSERS.
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DisableProgramGroupPage=yes
; The build is 64-bit (x64) Python and Qt.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; If rjdesk is running, Setup asks Windows (Restart Manager) to close it before replacing files.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir={#DistDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
; Off by default: facilitators start rjdesk from the Start menu.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder's runtime, so that no file of an older build
; (a Qt plugin, a library) is left beside the new one. This is {app}\_internal, the program's
; own folder, never the vault (the [Code] check below makes sure of that).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; Everything PyInstaller put in dist\rjdesk\: rjdesk.exe (the window), rjdesk-cli.exe (the
; command line, for scripts and --self-test) and _internal\.
Source: "{#DistDir}\rjdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section, on purpose: see THE VAULT at the top.

[Code]
function SameOrInside(const Inner, Outer: String): Boolean;
begin
  Result := Pos(Lowercase(AddBackslash(Outer)), Lowercase(AddBackslash(Inner))) = 1;
end;

{ Refuse an install folder that is the vault's folder, inside it, or around it: the program
  folder is replaced on upgrade and emptied on uninstall, the vault's never is. }
function InstallDirProblem(): String;
var
  AppDir, VaultDir: String;
begin
  Result := '';
  AppDir := ExpandConstant('{app}');
  VaultDir := ExpandConstant('{localappdata}\rjdesk');
  if SameOrInside(AppDir, VaultDir) or SameOrInside(VaultDir, AppDir) then
    Result := 'rjdesk cannot be installed in ' + AppDir + ': that folder overlaps ' + VaultDir +
      ', where rjdesk keeps the encrypted case vault. Choose another folder, for example ' +
      ExpandConstant('{autopf}\rjdesk') + '.'
  else if FileExists(AddBackslash(AppDir) + 'vault.key') then
    Result := 'rjdesk cannot be installed in ' + AppDir + ': it holds a vault (vault.key). ' +
      'Choose another folder.';
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Problem: String;
begin
  Result := True;
  { A silent install is checked in PrepareToInstall instead, so that it exits with code 7. }
  if (CurPageID = wpSelectDir) and not WizardSilent() then begin
    Problem := InstallDirProblem();
    if Problem <> '' then begin
      SuppressibleMsgBox(Problem, mbError, MB_OK, IDOK);
      Result := False;
    end;
  end;
end;

{ Checked again here so that a silent install given /DIR=... fails (exit code 7) rather than
  installing over a vault. }
function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  Result := InstallDirProblem();
end;
