<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddLineDialog</name>
    <message>
        <source>Add a line found on site</source>
        <translation>現地で見つかった回線の追加</translation>
    </message>
    <message>
        <source>&amp;Equipment:</source>
        <translation>機器種別(&amp;E):</translation>
    </message>
    <message>
        <source>Found &amp;at:</source>
        <translation>設置場所(&amp;A):</translation>
    </message>
    <message>
        <source>e.g. 1F reception, behind the desk</source>
        <translation>例: 1F 受付カウンター裏</translation>
    </message>
    <message>
        <source>&amp;Purpose / system:</source>
        <translation>用途・システム名(&amp;P):</translation>
    </message>
    <message>
        <source>e.g. guest Wi-Fi, vendor remote maintenance</source>
        <translation>例: 来院者用Wi-Fi、ベンダ リモート保守</translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation>回線事業者(&amp;C):</translation>
    </message>
    <message>
        <source>e.g. the label on the device</source>
        <translation>例: 機器のラベルの表示</translation>
    </message>
    <message>
        <source>Line &amp;type:</source>
        <translation>回線種別(&amp;T):</translation>
    </message>
    <message>
        <source>e.g. optical, CATV, LTE</source>
        <translation>例: 光回線、CATV、LTE</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>備考(&amp;N):</translation>
    </message>
    <message>
        <source>The line is recorded as undeclared (未申告) and gets the next CAF ID. Its wiring, photos and devices are entered on the line's page.</source>
        <translation>未申告回線として記録し、次の CAF ID を付与します。配線・写真・機器は回線の画面で入力します。</translation>
    </message>
</context>
<context>
    <name>BackupOverrideDialog</name>
    <message>
        <source>Decide the support class</source>
        <translation>支援区分を決定</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>支援区分(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Electronic medical record</source>
        <translation>電子カルテ</translation>
    </message>
    <message>
        <source>EMR &amp;product:</source>
        <translation>製品名(&amp;P):</translation>
    </message>
    <message>
        <source>EMR &amp;vendor:</source>
        <translation>ベンダー(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Patients:</source>
        <translation>患者数(&amp;P):</translation>
    </message>
    <message>
        <source>Answered &amp;by:</source>
        <translation>回答者(&amp;B):</translation>
    </message>
    <message>
        <source>Answered &amp;on:</source>
        <translation>回答日(&amp;O):</translation>
    </message>
    <message>
        <source>Backups kept today</source>
        <translation>現在のバックアップ</translation>
    </message>
    <message>
        <source>A&amp;dd backup</source>
        <translation>バックアップを追加(&amp;D)</translation>
    </message>
    <message>
        <source>Remove backup</source>
        <translation>バックアップを削除</translation>
    </message>
    <message>
        <source>Restore and documentation</source>
        <translation>復旧テストと記載</translation>
    </message>
    <message>
        <source>Restore &amp;tested:</source>
        <translation>復旧テスト(&amp;T):</translation>
    </message>
    <message>
        <source>Last restore &amp;test on:</source>
        <translation>最終復旧テスト日(&amp;T):</translation>
    </message>
    <message>
        <source>Offline keeping &amp;written in:</source>
        <translation>オフライン保管の記載先(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;BCP:</source>
        <translation>BCP(&amp;B):</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>&amp;New server:</source>
        <translation>新サーバ(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Media on existing equipment:</source>
        <translation>既存機器への媒体接続(&amp;M):</translation>
    </message>
    <message>
        <source>Planning with the &amp;vendor:</source>
        <translation>ベンダーと計画中(&amp;V):</translation>
    </message>
    <message>
        <source>Offline backup &amp;already operating:</source>
        <translation>オフラインバックアップ運用中(&amp;A):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>備考(&amp;O):</translation>
    </message>
    <message>
        <source>Decide &amp;otherwise…</source>
        <translation>事務局判断で変更(&amp;O)…</translation>
    </message>
    <message>
        <source>Use the computed class</source>
        <translation>算定結果に戻す</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>確認事項</translation>
    </message>
    <message>
        <source>What the hospital must do</source>
        <translation>病院が行うこと</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>Read the device</source>
        <translation>機器から読み取る</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>接続方法(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.1</source>
        <translation>例: 192.168.1.1</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>鍵ファイル(&amp;K):</translation>
    </message>
    <message>
        <source>optional: a private key instead of the password</source>
        <translation>任意: パスワードの代わりに秘密鍵を使う場合</translation>
    </message>
    <message>
        <source>Allow &amp;legacy algorithms (only for old devices that need them)</source>
        <translation>古い暗号方式を許可(&amp;L)（必要な古い機器に限る）</translation>
    </message>
    <message>
        <source>&amp;Serial port:</source>
        <translation>シリアルポート(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Baud rate:</source>
        <translation>通信速度(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Data format:</source>
        <translation>データ形式(&amp;D):</translation>
    </message>
    <message>
        <source>when the console asks for a login</source>
        <translation>コンソールがログインを求める場合</translation>
    </message>
    <message>
        <source>Session &amp;text (paste it, or load another terminal program's log):</source>
        <translation>セッションの内容(&amp;T)（貼り付けるか、他のターミナルソフトのログを読み込む）:</translation>
    </message>
    <message>
        <source>&amp;Load log file…</source>
        <translation>ログファイルを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Enable password:</source>
        <translation>特権モードのパスワード(&amp;E):</translation>
    </message>
    <message>
        <source>only when the device needs privileged mode</source>
        <translation>特権モード（enable）が必要な機器のみ</translation>
    </message>
    <message>
        <source>Start &amp;collecting</source>
        <translation>読み取り開始(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>中止(&amp;Q)</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>セッション:</translation>
    </message>
    <message>
        <source>&amp;Flow control:</source>
        <translation>フロー制御(&amp;F):</translation>
    </message>
    <message>
        <source>Send a brea&amp;k first (never while the device boots)</source>
        <translation>最初にブレーク信号を送る(&amp;K)（機器の起動中は不可）</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>機種プロファイル(&amp;R):</translation>
    </message>
    <message>
        <source>Remember the password for toda&amp;y (in the system keychain)</source>
        <translation>今日はこのパスワードを記憶する(&amp;Y)（OS のキーチェーンに保存）</translation>
    </message>
    <message>
        <source>FieldSurvey only reads: it never enters configuration mode and never changes the device. Passwords are used for this session and not saved, unless you ask to remember one for today (then it is kept in the system keychain until the day ends). Secrets in the device's configuration are masked in the session.</source>
        <translation>FieldSurvey は読み取りのみを行います。設定モードには入らず、機器を変更しません。パスワードはこの接続でのみ使い、保存しません（「今日は記憶する」を選んだ場合のみ、当日中 OS のキーチェーンに保存）。機器の設定に含まれる秘密情報はセッション記録で伏せ字にします。</translation>
    </message>
</context>
<context>
    <name>ConnectionPointPage</name>
    <message>
        <source>&amp;Lines</source>
        <translation>回線一覧(&amp;L)</translation>
    </message>
    <message>
        <source>Add a line found on site…</source>
        <translation>現地で見つかった回線を追加…</translation>
    </message>
    <message>
        <source>A line the hospital did not declare (未申告): ONU, CATV modem, HGW, CTU, ADSL modem, home or mobile router, USB dongle</source>
        <translation>医療機関が申告していない回線（未申告）: ONU、CATVモデム、HGW、CTU、ADSLモデム、家庭用ルータ、モバイルルータ、USBドングル</translation>
    </message>
    <message>
        <source>Select a line on the left, or add one found on site.</source>
        <translation>左の一覧から回線を選ぶか、現地で見つかった回線を追加してください。</translation>
    </message>
    <message>
        <source>Undeclared (未申告)</source>
        <translation>未申告</translation>
    </message>
    <message>
        <source>Declared in the workbook (別紙2-1)</source>
        <translation>申告内容（別紙2-1）</translation>
    </message>
    <message>
        <source>Purpose / s&amp;ystem:</source>
        <translation>用途・システム名(&amp;Y):</translation>
    </message>
    <message>
        <source>Li&amp;ne type:</source>
        <translation>回線種別(&amp;N):</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>回線事業者:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>回線サービス名:</translation>
    </message>
    <message>
        <source>Line ID:</source>
        <translation>回線ID:</translation>
    </message>
    <message>
        <source>Connection type:</source>
        <translation>通信形態:</translation>
    </message>
    <message>
        <source>Fixed / dynamic IP:</source>
        <translation>固定IP/動的IP:</translation>
    </message>
    <message>
        <source>Global IP:</source>
        <translation>グローバルIP:</translation>
    </message>
    <message>
        <source>Connects to the EMR network:</source>
        <translation>電子カルテNWとの接続:</translation>
    </message>
    <message>
        <source>Note in the workbook:</source>
        <translation>備考（申告）:</translation>
    </message>
    <message>
        <source>Line terminal (ONU) location</source>
        <translation>回線終端装置（ONU）の設置場所</translation>
    </message>
    <message>
        <source>E&amp;quipment:</source>
        <translation>終端機器(&amp;Q):</translation>
    </message>
    <message>
        <source>Declared location:</source>
        <translation>申告の設置場所:</translation>
    </message>
    <message>
        <source>&amp;On site:</source>
        <translation>現地確認(&amp;O):</translation>
    </message>
    <message>
        <source>Found &amp;at:</source>
        <translation>設置場所(&amp;A):</translation>
    </message>
    <message>
        <source>e.g. 2F server room, rack A, top shelf</source>
        <translation>例: 2F サーバ室 ラックA 最上段</translation>
    </message>
    <message>
        <source>EMR network (電子カルテ) from this line</source>
        <translation>この回線から電子カルテNWへ</translation>
    </message>
    <message>
        <source>&amp;Reachable directly:</source>
        <translation>直通(&amp;R):</translation>
    </message>
    <message>
        <source>Protect&amp;ion:</source>
        <translation>保護方式(&amp;I):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>What the investigator noticed about this line</source>
        <translation>この回線について調査員が気づいたこと</translation>
    </message>
    <message>
        <source>Wiring below the line</source>
        <translation>回線の下流の配線</translation>
    </message>
    <message>
        <source>&amp;Devices in wiring order:</source>
        <translation>配線順の機器(&amp;D):</translation>
    </message>
    <message>
        <source>Add a device</source>
        <translation>機器を追加</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Selected device</source>
        <translation>選択中の機器</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申告</translation>
    </message>
    <message>
        <source>Found on site</source>
        <translation>現地確認</translation>
    </message>
    <message>
        <source>Place in the &amp;wiring:</source>
        <translation>配線上の位置(&amp;W):</translation>
    </message>
    <message>
        <source>Device type:</source>
        <translation>機器種別:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>メーカー:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>機種名:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>機器名:</translation>
    </message>
    <message>
        <source>Fir&amp;mware:</source>
        <translation>ファームウェア(&amp;M):</translation>
    </message>
    <message>
        <source>e.g. FortiOS 7.2.8 build1639</source>
        <translation>例: FortiOS 7.2.8 build1639</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>シリアル番号:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>稼働時間:</translation>
    </message>
    <message>
        <source>Management IP:</source>
        <translation>管理IPアドレス:</translation>
    </message>
    <message>
        <source>Access (method / port):</source>
        <translation>接続方法 / ポート番号:</translation>
    </message>
    <message>
        <source>Device note:</source>
        <translation>機器のメモ:</translation>
    </message>
    <message>
        <source>Photos (ONU, line ID label, wiring)</source>
        <translation>写真（ONU・回線IDラベル・配線）</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Add a finding</source>
        <translation>所見を追加</translation>
    </message>
    <message>
        <source>Your own finding, for what the rules cannot see. It goes into the report like the rules' findings, marked as the investigator's.</source>
        <translation>ルールでは判定できないことを調査員の所見として記録します。ルールの所見と同じく報告書に載り、調査員の所見と明記されます。</translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation>対象(&amp;A):</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状況(&amp;T):</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>区分(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>所見(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Recommendation:</source>
        <translation>推奨対策(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>根拠(&amp;E):</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>Sho&amp;w:</source>
        <translation>表示(&amp;W):</translation>
    </message>
    <message>
        <source>Re-&amp;evaluate</source>
        <translation>再評価(&amp;E)</translation>
    </message>
    <message>
        <source>Run the rules again over the captured facts. Findings you edited stay as you left them.</source>
        <translation>記録した事実に対してルールをもう一度実行します。修正した所見はそのまま残ります。</translation>
    </message>
    <message>
        <source>&amp;Add finding…</source>
        <translation>所見を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>About</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出所</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>選択した所見</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状況(&amp;T):</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>区分(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>所見(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Recommendation:</source>
        <translation>推奨対策(&amp;R):</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>根拠:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>出所:</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>変更を保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>却下(&amp;D)…</translation>
    </message>
    <message>
        <source>Take back dis&amp;missal</source>
        <translation>却下を取り消す(&amp;M)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>削除(&amp;V)</translation>
    </message>
</context>
<context>
    <name>FloorPlanPage</name>
    <message>
        <source>Pla&amp;ns:</source>
        <translation>平面図(&amp;N):</translation>
    </message>
    <message>
        <source>Add plan…</source>
        <translation>平面図を追加…</translation>
    </message>
    <message>
        <source>Add a floor plan from a PNG/JPEG file or a page of a PDF drawing</source>
        <translation>PNG/JPEG ファイルまたは PDF 図面のページから平面図を追加します</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>回転</translation>
    </message>
    <message>
        <source>Turn the plan a quarter clockwise (Ctrl+R); pins stay where they are on the plan</source>
        <translation>平面図を右に 90° 回転します。ピンは図面上の同じ位置に残ります</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Add &amp;pin</source>
        <translation>ピンを追加(&amp;P)</translation>
    </message>
    <message>
        <source>Click on the plan where the pin goes (Esc cancels)</source>
        <translation>ピンを置く位置を平面図上でクリックします（Esc で取り消し）</translation>
    </message>
    <message>
        <source>Kind of the next pin</source>
        <translation>次に置くピンの種類</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>縮小 (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>拡大 (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Show the whole plan (0)</source>
        <translation>平面図全体を表示 (0)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>ONU</source>
        <translation>ONU</translation>
    </message>
    <message>
        <source>Router/UTM</source>
        <translation>ルータ/UTM</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Has a finding</source>
        <translation>所見あり</translation>
    </message>
    <message>
        <source>Filter pins…</source>
        <translation>ピンを絞り込み…</translation>
    </message>
    <message>
        <source>No floor plan yet. Floor plans come with the hospital's workbook (設置場所記入シート), or add one from a PNG/JPEG file or a PDF drawing with Add plan….</source>
        <translation>平面図はまだありません。病院の調査票（設置場所記入シート）から取り込まれるほか、「平面図を追加…」で PNG/JPEG ファイルや PDF 図面から追加できます。</translation>
    </message>
    <message>
        <source>P&amp;ins:</source>
        <translation>ピン(&amp;I):</translation>
    </message>
    <message>
        <source>Selected pin</source>
        <translation>選択中のピン</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>ラベル(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Marks:</source>
        <translation>対象(&amp;M):</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>ピンを削除</translation>
    </message>
    <message>
        <source>Photos of the pin</source>
        <translation>ピンの写真</translation>
    </message>
    <message>
        <source>Photos not linked yet</source>
        <translation>未リンクの写真</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>フォルダから取り込み…</translation>
    </message>
    <message>
        <source>Import every JPEG/PNG of a folder, e.g. a camera card's DCIM; photos already in the survey are skipped</source>
        <translation>フォルダ内の JPEG/PNG をすべて取り込みます（カメラのカードの DCIM など）。調査にすでにある写真は取り込みません</translation>
    </message>
    <message>
        <source>Link to the pin</source>
        <translation>ピンに紐付け</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Workbook import</source>
        <translation>ワークブックの取り込み</translation>
    </message>
    <message>
        <source>Select a warning and press Enter (or double-click it) to go to the item concerned.</source>
        <translation>警告を選んで Enter キーを押す（またはダブルクリックする）と、該当する項目を表示します。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Sheet and cell</source>
        <translation>シート・セル</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>No survey open</source>
        <translation>調査が開かれていません</translation>
    </message>
    <message>
        <source>Demo survey</source>
        <translation>デモ調査</translation>
    </message>
    <message>
        <source>This is the built-in demo survey of a fictional hospital. It is recreated each time the demo is opened.</source>
        <translation>架空の病院の組み込みデモ調査です。デモを開くたびに作り直されます。</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>スケジュール(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Connection points</source>
        <translation>外部接続点(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminals</source>
        <translation>調査端末(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Floor plans</source>
        <translation>平面図(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open survey…</source>
        <translation>調査を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo survey</source>
        <translation>デモ調査を開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About FieldSurvey</source>
        <translation>FieldSurvey について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Open survey &amp;read-only…</source>
        <translation>調査を読み取り専用で開く(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a survey to review it without changing it</source>
        <translation>調査を変更せずに確認するために開きます</translation>
    </message>
    <message>
        <source>&amp;Import the hospital's workbook (別紙2-1)…</source>
        <translation>医療機関の記入依頼書（別紙2-1）を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;warnings…</source>
        <translation>取り込み時の警告(&amp;W)…</translation>
    </message>
    <message>
        <source>What the workbook import noticed, with sheet and cell</source>
        <translation>ワークブックの取り込みで見つかった問題（シート・セル付き）</translation>
    </message>
    <message>
        <source>Floor &amp;plans</source>
        <translation>平面図(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;urvey</source>
        <translation>調査(&amp;U)</translation>
    </message>
    <message>
        <source>What is still &amp;missing</source>
        <translation>未完了の項目(&amp;M)</translation>
    </message>
    <message>
        <source>Shows what is still missing for the day and puts the focus on it</source>
        <translation>その日の未完了の項目を表示し、フォーカスを移します</translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation>一覧へ移動(&amp;L)</translation>
    </message>
    <message>
        <source>Puts the focus on the list of the page (steps, lines, terminals)</source>
        <translation>画面の一覧（工程・回線・端末）にフォーカスを移します</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>次の項目(&amp;N)</translation>
    </message>
    <message>
        <source>The next step, line or terminal</source>
        <translation>次の工程・回線・端末</translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation>前の項目(&amp;P)</translation>
    </message>
    <message>
        <source>The previous step, line or terminal</source>
        <translation>前の工程・回線・端末</translation>
    </message>
    <message>
        <source>Record the &amp;time now</source>
        <translation>現在時刻を記録(&amp;T)</translation>
    </message>
    <message>
        <source>Records now as the start of the selected step, or as its end when it has started</source>
        <translation>選択中の工程の開始時刻として、開始済みなら終了時刻として現在時刻を記録します</translation>
    </message>
    <message>
        <source>Add a visit &amp;day</source>
        <translation>訪問日を追加(&amp;D)</translation>
    </message>
    <message>
        <source>Add a line found on &amp;site…</source>
        <translation>現地で見つかった回線を追加(&amp;S)…</translation>
    </message>
    <message>
        <source>A line the hospital did not declare (未申告)</source>
        <translation>医療機関が申告していない回線（未申告）</translation>
    </message>
    <message>
        <source>Add a &amp;device to the wiring</source>
        <translation>配線に機器を追加(&amp;D)</translation>
    </message>
    <message>
        <source>Move the device &amp;up</source>
        <translation>機器を上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move the device do&amp;wn</source>
        <translation>機器を下へ移動(&amp;W)</translation>
    </message>
    <message>
        <source>Add &amp;photos…</source>
        <translation>写真を追加(&amp;P)…</translation>
    </message>
    <message>
        <source>Photos of the selected line or terminal</source>
        <translation>選択中の回線または端末の写真</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Read the device (SSH, console, log)…</source>
        <translation>機器から読み取る(&amp;R)（SSH・コンソール・ログ）…</translation>
    </message>
    <message>
        <source>Read firmware and facts from the selected router, UTM or firewall itself</source>
        <translation>選択中のルータ・UTM・ファイアウォールからファームウェア等を直接読み取ります</translation>
    </message>
    <message>
        <source>&amp;Import the terminal's collector file…</source>
        <translation>端末の収集結果ファイルを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Read the JSON the terminal collector wrote for the selected terminal and evaluate it</source>
        <translation>選択した端末について、収集スクリプトが書き出した JSON を読み込んで判定します</translation>
    </message>
    <message>
        <source>Enter the terminal's facts by &amp;hand…</source>
        <translation>端末の情報を手入力する(&amp;H)…</translation>
    </message>
    <message>
        <source>For terminals where the collector may not run; judged by the same rules</source>
        <translation>収集スクリプトを実行できない端末向け。同じルールで判定します</translation>
    </message>
    <message>
        <source>Save the terminal &amp;collector to a folder…</source>
        <translation>端末収集スクリプトをフォルダーに保存(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the read-only collector script and its .cmd wrapper, e.g. to the USB stick</source>
        <translation>読み取り専用の収集スクリプトと .cmd ラッパーを USB メモリなどに書き出します</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>所見(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>報告書(&amp;R)</translation>
    </message>
    <message>
        <source>Re-&amp;evaluate findings</source>
        <translation>所見を再評価(&amp;E)</translation>
    </message>
    <message>
        <source>Run the rules again over the captured facts; findings you edited stay as they are</source>
        <translation>記録した事実に対してルールをもう一度実行します。修正した所見はそのまま残ります</translation>
    </message>
    <message>
        <source>Add a &amp;finding…</source>
        <translation>所見を追加(&amp;F)…</translation>
    </message>
    <message>
        <source>Add your own finding about the survey, a line, a device or a terminal</source>
        <translation>調査全体・回線・機器・端末について調査員の所見を追加します</translation>
    </message>
    <message>
        <source>&amp;Preview the report…</source>
        <translation>報告書のプレビュー(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the survey report and show its pages</source>
        <translation>調査報告書を作成してページを表示します</translation>
    </message>
    <message>
        <source>Save the report as &amp;PDF…</source>
        <translation>報告書を PDF で保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Export the results to &amp;Excel…</source>
        <translation>結果を Excel に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>The results in the hospital workbook's columns, for the office</source>
        <translation>病院の記入シートと同じ列構成の調査結果（事務局での作業用）</translation>
    </message>
    <message>
        <source>Sc&amp;an day</source>
        <translation>脆弱性診断(&amp;A)</translation>
    </message>
    <message>
        <source>Confirm scan-day &amp;IP…</source>
        <translation>当日のグローバルIPを確認(&amp;I)…</translation>
    </message>
    <message>
        <source>Record the global IP the hospital confirmed today for the selected line</source>
        <translation>選択した回線について、病院が当日確認したグローバルIPを記録します</translation>
    </message>
    <message>
        <source>Import &amp;Nmap XML…</source>
        <translation>Nmap XML を取り込む(&amp;N)…</translation>
    </message>
    <message>
        <source>Import the scan team's nmap -oX results</source>
        <translation>診断チームの nmap -oX の結果を取り込みます</translation>
    </message>
    <message>
        <source>Export scan-day &amp;list (CSV)…</source>
        <translation>診断対象一覧を書き出す(CSV)(&amp;L)…</translation>
    </message>
    <message>
        <source>Offline &amp;backup</source>
        <translation>オフラインバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>The offline-backup questionnaire and the support class</source>
        <translation>オフラインバックアップ調査票と支援区分</translation>
    </message>
    <message>
        <source>Import photos from a &amp;folder…</source>
        <translation>フォルダから写真を取り込む(&amp;F)…</translation>
    </message>
    <message>
        <source>Every JPEG/PNG of a folder (a camera card's DCIM); photos already in the survey are skipped. They wait on the floor-plan page until linked.</source>
        <translation>フォルダ内の JPEG/PNG をすべて取り込みます（カメラのカードの DCIM など）。調査にすでにある写真は取り込みません。紐付けるまで平面図のページで待機します。</translation>
    </message>
    <message>
        <source>E&amp;xport photos without location…</source>
        <translation>写真を書き出す（位置情報なし）(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the survey's photos into a folder with their GPS data removed</source>
        <translation>調査の写真を GPS 情報を除いてフォルダに書き出します</translation>
    </message>
    <message>
        <source>S&amp;ync with the portal…</source>
        <translation>ポータルと同期(&amp;Y)…</translation>
    </message>
    <message>
        <source>Send the survey to the programme's portal, take the reviewers' changes and comments</source>
        <translation>調査を事業のポータルへ送信し、レビュー担当者の変更とコメントを取り込みます</translation>
    </message>
    <message>
        <source>Re&amp;view surveys (team lead)…</source>
        <translation>調査のレビュー（チームリーダー）(&amp;V)…</translation>
    </message>
    <message>
        <source>Open many surveys: portfolio, dashboards, comments, return or approve</source>
        <translation>多数の調査を開く: ポートフォリオ、ダッシュボード、コメント、差戻し・承認</translation>
    </message>
    <message>
        <source>Su&amp;bmit to the team lead</source>
        <translation>チームリーダーに提出(&amp;B)</translation>
    </message>
    <message>
        <source>Mark the survey as submitted (提出済) for the team lead's review; the next sync sends it</source>
        <translation>調査を提出済にしてチームリーダーのレビューに回します（次の同期で送信）</translation>
    </message>
</context>
<context>
    <name>MarkupDialog</name>
    <message>
        <source>Mark up the photo</source>
        <translation>写真に書き込み</translation>
    </message>
    <message>
        <source>&amp;Arrow</source>
        <translation>矢印(&amp;A)</translation>
    </message>
    <message>
        <source>Drag from the tail to the head</source>
        <translation>矢印の根元から先端までドラッグします</translation>
    </message>
    <message>
        <source>&amp;Circle</source>
        <translation>円(&amp;C)</translation>
    </message>
    <message>
        <source>Drag across what to circle</source>
        <translation>囲みたい範囲をドラッグします</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>文字(&amp;T)</translation>
    </message>
    <message>
        <source>Click where the text goes</source>
        <translation>文字を置く位置をクリックします</translation>
    </message>
    <message>
        <source>Text to place, e.g. ONU</source>
        <translation>置く文字（例: ONU）</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>色(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Delete mark</source>
        <translation>書き込みを削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Drag to draw an arrow or a circle, click to place text, click a mark to select it. Delete removes the selected mark, Ctrl+Z undoes.</source>
        <translation>ドラッグで矢印や円を描き、クリックで文字を置き、書き込みをクリックすると選択できます。Delete キーで選択した書き込みを削除、Ctrl+Z で元に戻します。</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Survey report</source>
        <translation>調査報告書</translation>
    </message>
    <message>
        <source>The survey report as it will be printed: the captured facts, the rules' findings and your judgment on them.</source>
        <translation>印刷されるとおりの調査報告書です。記録した事実、ルールによる所見とそれに対する調査員の判断を反映しています。</translation>
    </message>
    <message>
        <source>Report pages</source>
        <translation>報告書のページ</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>PDF で保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Excel に書き出す(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>ScanDayPage</name>
    <message>
        <source>&amp;Confirm scan-day IP…</source>
        <translation>当日IPを確認(&amp;C)…</translation>
    </message>
    <message>
        <source>Record the global IP the hospital confirmed today for the selected line, who confirmed it and when</source>
        <translation>選択した回線について、病院が当日確認したグローバルIP、確認者、確認日時を記録します</translation>
    </message>
    <message>
        <source>E&amp;xport list (CSV)…</source>
        <translation>一覧を書き出す(CSV)(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the scan-day list for the scan team (UTF-8 CSV that Excel opens)</source>
        <translation>診断チーム向けの診断対象一覧を書き出します（Excel で開ける UTF-8 の CSV）</translation>
    </message>
    <message>
        <source>&amp;Import Nmap XML…</source>
        <translation>Nmap XML取込(&amp;I)…</translation>
    </message>
    <message>
        <source>Import nmap -oX results; hosts are matched to lines by IP or FQDN</source>
        <translation>nmap -oX の結果を取り込みます。ホストは IP アドレスまたは FQDN で回線と照合されます</translation>
    </message>
    <message>
        <source>&amp;Match again</source>
        <translation>再照合(&amp;M)</translation>
    </message>
    <message>
        <source>Match every scanned host to the lines again (after correcting an address)</source>
        <translation>アドレスを修正した後などに、診断したすべてのホストを回線と照合し直します</translation>
    </message>
    <message>
        <source>Lines to scan</source>
        <translation>診断対象の回線</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途・システム名</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IPアドレス</translation>
    </message>
    <message>
        <source>Global IP</source>
        <translation>グローバルIP</translation>
    </message>
    <message>
        <source>FQDN</source>
        <translation>FQDN</translation>
    </message>
    <message>
        <source>Address to scan</source>
        <translation>診断対象アドレス</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>確認者</translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation>確認日時</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Scan result</source>
        <translation>診断結果</translation>
    </message>
    <message>
        <source>Scan results</source>
        <translation>診断結果</translation>
    </message>
    <message>
        <source>Host / port</source>
        <translation>ホスト／ポート</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>回線</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Product and version</source>
        <translation>製品・バージョン</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Imported scans:</source>
        <translation>取り込んだ診断結果:</translation>
    </message>
    <message>
        <source>&amp;Remove import…</source>
        <translation>取込を削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected import with its hosts and ports</source>
        <translation>選択した取込をホストとポートごと削除します</translation>
    </message>
</context>
<context>
    <name>ScanIpDialog</name>
    <message>
        <source>Confirm the scan-day global IP</source>
        <translation>当日のグローバルIPの確認</translation>
    </message>
    <message>
        <source>Global &amp;IP today:</source>
        <translation>当日のグローバルIP(&amp;I):</translation>
    </message>
    <message>
        <source>Confirmed &amp;by:</source>
        <translation>確認者(&amp;B):</translation>
    </message>
    <message>
        <source>Confirmed &amp;at:</source>
        <translation>確認日時(&amp;A):</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Visit da&amp;y:</source>
        <translation>訪問日(&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日付(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Attending for the hospital:</source>
        <translation>立会者(&amp;A):</translation>
    </message>
    <message>
        <source>e.g. IT section Sato, facilities Suzuki</source>
        <translation>例: 情報システム課 佐藤、施設課 鈴木</translation>
    </message>
    <message>
        <source>Add a visit day</source>
        <translation>訪問日を追加</translation>
    </message>
    <message>
        <source>A survey with many lines spans two days; the new day gets the default plan.</source>
        <translation>回線が多い調査は2日間に分けます。追加した日には標準の予定が入ります。</translation>
    </message>
    <message>
        <source>Selected step</source>
        <translation>選択中の工程</translation>
    </message>
    <message>
        <source>Pla&amp;nned from:</source>
        <translation>予定開始(&amp;N):</translation>
    </message>
    <message>
        <source>unti&amp;l:</source>
        <translation>予定終了(&amp;L):</translation>
    </message>
    <message>
        <source>Sta&amp;rted at:</source>
        <translation>開始時刻(&amp;R):</translation>
    </message>
    <message>
        <source>F&amp;inished at:</source>
        <translation>終了時刻(&amp;I):</translation>
    </message>
    <message>
        <source>Record the time now</source>
        <translation>現在時刻を記録</translation>
    </message>
    <message>
        <source>Go to the work</source>
        <translation>作業画面へ</translation>
    </message>
    <message>
        <source>Opens the page where this step's work is entered (Enter in the schedule)</source>
        <translation>この工程の作業を入力する画面を開きます（スケジュールで Enter）</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <source>e.g. install locations confirmed with the hospital; open items at departure</source>
        <translation>例: 設置場所を医療機関と確認済み、退館時の残課題</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with the portal</source>
        <translation>ポータルと同期</translation>
    </message>
    <message>
        <source>Portal &amp;configuration:</source>
        <translation>ポータル設定ファイル(&amp;C):</translation>
    </message>
    <message>
        <source>the JSON file the programme office hands out</source>
        <translation>事務局から配布された JSON ファイル</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <source>Portal:</source>
        <translation>ポータル:</translation>
    </message>
    <message>
        <source>Certificate &amp;passphrase:</source>
        <translation>証明書のパスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Remember the passphrase and password for toda&amp;y (in the system keychain)</source>
        <translation>今日はパスフレーズとパスワードを記憶する(&amp;Y)（OS のキーチェーンに保存）</translation>
    </message>
    <message>
        <source>The passphrase and password are used for this sync and then forgotten; they are never written to the survey, the settings or the log. Changes made here and on the portal are merged; when the same field was changed on both sides, you decide on the Conflicts tab.</source>
        <translation>パスフレーズとパスワードはこの同期にだけ使い、その後は破棄します。調査ファイル・設定・ログには書き込みません。この端末での変更とポータルでの変更は統合されます。同じ項目が両方で変更された場合は、［競合］タブでどちらを採用するか決めてください。</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同期(&amp;S)</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>一時停止(&amp;U)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>中止(&amp;T)</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>直近のエラー</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>変更日時</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>前回同期時の値</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>自分の値</translation>
    </message>
    <message>
        <source>On the portal</source>
        <translation>ポータルの値</translation>
    </message>
    <message>
        <source>Changed on the portal by</source>
        <translation>ポータルでの変更者</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>検出日時</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>自分の値を採用(&amp;K)</translation>
    </message>
    <message>
        <source>Take the p&amp;ortal's</source>
        <translation>ポータルの値を採用(&amp;O)</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>レビューコメント</translation>
    </message>
</context>
<context>
    <name>TerminalFactsDialog</name>
    <message>
        <source>Terminal facts entered by hand</source>
        <translation>端末情報の手入力</translation>
    </message>
    <message>
        <source>For terminals where the collector may not run. The same rules judge these facts as a collector file; leave what you could not see as unknown.</source>
        <translation>収集スクリプトを実行できない端末向けです。収集結果ファイルと同じルールで判定します。確認できなかった項目は「不明」のままにしてください。</translation>
    </message>
    <message>
        <source>Windows (winver, Settings → System → About)</source>
        <translation>Windows（winver、設定 → システム → バージョン情報）</translation>
    </message>
    <message>
        <source>&amp;Edition:</source>
        <translation>エディション(&amp;E):</translation>
    </message>
    <message>
        <source>OS &amp;build:</source>
        <translation>OS ビルド(&amp;B):</translation>
    </message>
    <message>
        <source>e.g. 19045.6456 (winver: OS ビルド)</source>
        <translation>例: 19045.6456（winver の「OS ビルド」）</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>バージョン(&amp;V):</translation>
    </message>
    <message>
        <source>e.g. 22H2</source>
        <translation>例: 22H2</translation>
    </message>
    <message>
        <source>&amp;ESU licence:</source>
        <translation>ESU ライセンス(&amp;E):</translation>
    </message>
    <message>
        <source>What was seen on the terminal</source>
        <translation>端末で確認した内容</translation>
    </message>
    <message>
        <source>&amp;Last update installed:</source>
        <translation>最終更新日(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Unknown</source>
        <translation>不明(&amp;U)</translation>
    </message>
    <message>
        <source>Restart pending:</source>
        <translation>再起動待ち:</translation>
    </message>
    <message>
        <source>Updates wait for a &amp;restart</source>
        <translation>更新プログラムが再起動待ち(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Internet connection:</source>
        <translation>インターネット接続(&amp;I):</translation>
    </message>
    <message>
        <source>Antivirus / EDR &amp;product:</source>
        <translation>ウイルス対策・EDR 製品(&amp;P):</translation>
    </message>
    <message>
        <source>e.g. Trend Micro Apex One</source>
        <translation>例: Trend Micro Apex One</translation>
    </message>
    <message>
        <source>Antivirus &amp;state:</source>
        <translation>ウイルス対策の状態(&amp;S):</translation>
    </message>
    <message>
        <source>USB &amp;storage (test stick):</source>
        <translation>USB ストレージ（テスト用 USB メモリ）(&amp;S):</translation>
    </message>
    <message>
        <source>SMB&amp;v1:</source>
        <translation>SMBv1(&amp;V):</translation>
    </message>
    <message>
        <source>Remote &amp;Desktop:</source>
        <translation>リモートデスクトップ(&amp;D):</translation>
    </message>
    <message>
        <source>Daily user is an &amp;administrator:</source>
        <translation>日常利用ユーザーが管理者(&amp;A):</translation>
    </message>
</context>
<context>
    <name>TerminalPage</name>
    <message>
        <source>Terminal &amp;list</source>
        <translation>端末一覧(&amp;L)</translation>
    </message>
    <message>
        <source>This survey has no terminals yet; they come with the workbook.</source>
        <translation>この調査には端末がまだありません。記入依頼書の取り込みで登録されます。</translation>
    </message>
    <message>
        <source>Declared in the workbook (別紙2-1)</source>
        <translation>申告内容（別紙2-1）</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>システム種別:</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>利用形態:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>機器名:</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IPアドレス:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>設置場所:</translation>
    </message>
    <message>
        <source>VDI host / IP:</source>
        <translation>VDI ホスト名 / IP:</translation>
    </message>
    <message>
        <source>Security product:</source>
        <translation>セキュリティ対策製品:</translation>
    </message>
    <message>
        <source>Note in the workbook:</source>
        <translation>備考（申告）:</translation>
    </message>
    <message>
        <source>Checks on the terminal (ransomware preparedness)</source>
        <translation>端末の確認（ランサムウェア感染への備え）</translation>
    </message>
    <message>
        <source>State of the chec&amp;k:</source>
        <translation>調査状況(&amp;K):</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>&amp;OS edition / version / build:</source>
        <translation>OS エディション・バージョン・ビルド(&amp;O):</translation>
    </message>
    <message>
        <source>e.g. Windows 10 Enterprise LTSC 2019 (17763.5820)</source>
        <translation>例: Windows 10 Enterprise LTSC 2019 (17763.5820)</translation>
    </message>
    <message>
        <source>Windows Up&amp;date:</source>
        <translation>Windows Update(&amp;D):</translation>
    </message>
    <message>
        <source>e.g. last update 2026-10 cumulative, automatic updates off</source>
        <translation>例: 2026-10 累積更新まで適用、自動更新オフ</translation>
    </message>
    <message>
        <source>&amp;Internet connection:</source>
        <translation>インターネット接続(&amp;I):</translation>
    </message>
    <message>
        <source>e.g. no internet access (closed network)</source>
        <translation>例: インターネット接続不可（閉域網）</translation>
    </message>
    <message>
        <source>&amp;Antivirus / EDR:</source>
        <translation>ウイルス対策・EDR(&amp;A):</translation>
    </message>
    <message>
        <source>e.g. Trend Micro Apex One, definitions 2026-11-20, running</source>
        <translation>例: Trend Micro Apex One、定義 2026-11-20、稼働中</translation>
    </message>
    <message>
        <source>US&amp;B storage:</source>
        <translation>USBストレージ(&amp;B):</translation>
    </message>
    <message>
        <source>e.g. blocked by group policy</source>
        <translation>例: グループポリシーで使用禁止</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>備考(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. usable 12:00–13:00 only; why the check was not possible</source>
        <translation>例: 操作可能時間 12:00–13:00、調査できなかった理由</translation>
    </message>
    <message>
        <source>Photos (screens, labels)</source>
        <translation>写真（画面・ラベル）</translation>
    </message>
    <message>
        <source>Import collector &amp;file…</source>
        <translation>収集結果ファイルを取り込む(&amp;F)…</translation>
    </message>
    <message>
        <source>Read the JSON the terminal collector wrote and evaluate it (Ctrl+Shift+I)</source>
        <translation>収集スクリプトが書き出した JSON を読み込んで判定します（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <source>Enter by &amp;hand…</source>
        <translation>手入力(&amp;H)…</translation>
    </message>
    <message>
        <source>For terminals where the collector may not run (Ctrl+Shift+M)</source>
        <translation>収集スクリプトを実行できない端末向け（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
</context>
<context>
    <name>fs::app::AddLineDialog</name>
    <message>
        <source>Add line</source>
        <translation>回線を追加</translation>
    </message>
</context>
<context>
    <name>fs::app::BackupOverrideDialog</name>
    <message>
        <source>The answers give %1. Choose the class the office decided and say why; the decision is recorded with your name and synced.</source>
        <translation>回答からの算定結果は %1 です。事務局が決定した支援区分と理由を入力してください。判断は氏名とともに記録され、ポータルへ同期されます。</translation>
    </message>
</context>
<context>
    <name>fs::app::BackupPage</name>
    <message>
        <source>System</source>
        <translation>対象システム</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>頻度</translation>
    </message>
    <message>
        <source>Generations</source>
        <translation>世代数</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>保管場所</translation>
    </message>
    <message>
        <source>Separation</source>
        <translation>切り離し方</translation>
    </message>
    <message>
        <source>Reachable from the EMR</source>
        <translation>電子カルテから同じ認証で到達</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>オフライン判定</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Change the reason of a checklist item</source>
        <translation>チェック項目の理由を変更</translation>
    </message>
    <message>
        <source>Could not read the backup questionnaire: %1</source>
        <translation>バックアップ調査票を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Computed: %1. Decided by the office%2: %3</source>
        <translation>算定結果: %1。事務局判断%2: %3</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not answered yet: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;未回答: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Contradiction: %1</source>
        <translation>【矛盾】%1</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>【要確認】%1</translation>
    </message>
    <message>
        <source>No answer contradicts another.</source>
        <translation>矛盾する回答はありません。</translation>
    </message>
    <message numerus="yes">
        <source>To check (%n contradiction(s))</source>
        <translation>
            <numerusform>確認事項（矛盾 %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>What the hospital must do: decided once the class is known</source>
        <translation>病院が行うこと: 支援区分が決まると表示されます</translation>
    </message>
    <message>
        <source>What the hospital must do</source>
        <translation>病院が行うこと</translation>
    </message>
    <message>
        <source>Answer the backup questionnaire</source>
        <translation>バックアップ調査票に回答</translation>
    </message>
    <message>
        <source>Change a backup</source>
        <translation>バックアップを変更</translation>
    </message>
    <message>
        <source>Add a backup</source>
        <translation>バックアップを追加</translation>
    </message>
    <message>
        <source>Remove a backup</source>
        <translation>バックアップを削除</translation>
    </message>
    <message>
        <source>Decide the support class</source>
        <translation>支援区分を決定</translation>
    </message>
    <message>
        <source>Use the computed support class</source>
        <translation>算定結果の支援区分に戻す</translation>
    </message>
    <message>
        <source>Support class decided: %1</source>
        <translation>支援区分を決定しました: %1</translation>
    </message>
    <message>
        <source>Change a checklist item</source>
        <translation>チェック項目を変更</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <source>Why is this item not needed?</source>
        <translation>この項目が不要な理由:</translation>
    </message>
</context>
<context>
    <name>fs::app::CollectDialog</name>
    <message>
        <source>%1 / device %2: %3</source>
        <translation>%1 / 機器 %2: %3</translation>
    </message>
    <message>
        <source>(not declared)</source>
        <translation>（申告なし）</translation>
    </message>
    <message>
        <source>What the device prints appears here.</source>
        <translation>機器の出力がここに表示されます。</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Serial console</source>
        <translation>シリアルコンソール</translation>
    </message>
    <message>
        <source>Paste a session</source>
        <translation>セッションを貼り付け</translation>
    </message>
    <message>
        <source>Find out automatically</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <source>Load a terminal log</source>
        <translation>ターミナルのログを読み込む</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation>ログ (*.log *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read, or is larger than 8 MiB.</source>
        <translation>%1 を読み込めないか、8 MiB を超えています。</translation>
    </message>
    <message>
        <source>Paste the session first.</source>
        <translation>先にセッションを貼り付けてください。</translation>
    </message>
    <message>
        <source>Enter the host and the user.</source>
        <translation>ホストとユーザーを入力してください。</translation>
    </message>
    <message>
        <source>Choose the serial port and its speed.</source>
        <translation>シリアルポートと通信速度を選んでください。</translation>
    </message>
    <message>
        <source>This is the first connection to %1:%2 in this survey.

Its host key is
%3

Accept it only if it is the fingerprint the hospital's administrator confirms.</source>
        <translation>この調査で %1:%2 に接続するのは初めてです。

ホスト鍵の指紋:
%3

医療機関の管理者に確認した指紋と一致する場合のみ承認してください。</translation>
    </message>
    <message>
        <source>&amp;Accept and connect</source>
        <translation>承認して接続(&amp;A)</translation>
    </message>
    <message>
        <source>Not connected: the host key was not accepted.</source>
        <translation>ホスト鍵を承認しなかったため、接続していません。</translation>
    </message>
    <message>
        <source>The session so far is kept in the survey as evidence.</source>
        <translation>ここまでのセッションは証跡として調査に保存しました。</translation>
    </message>
    <message>
        <source>The output was kept, but no vendor profile could read it: %1</source>
        <translation>出力は保存しましたが、どの機種プロファイルでも読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Read from the device and recorded:</source>
        <translation>機器から読み取り、記録しました:</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>機種</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>ファームウェア</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>ホスト名</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Not answered by the device: %1</source>
        <translation>機器が応答しなかったコマンド: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>RTS/CTS (hardware)</source>
        <translation>RTS/CTS（ハードウェア）</translation>
    </message>
    <message>
        <source>XON/XOFF (software)</source>
        <translation>XON/XOFF（ソフトウェア）</translation>
    </message>
    <message>
        <source>(using the password remembered today for %1)
</source>
        <translation>（%1 について今日記憶したパスワードを使います）
</translation>
    </message>
</context>
<context>
    <name>fs::app::CompletenessPanel</name>
    <message>
        <source>Still missing</source>
        <translation>未完了の項目</translation>
    </message>
    <message>
        <source>Enter goes to where the item is entered</source>
        <translation>Enter で入力する場所へ移動します</translation>
    </message>
    <message>
        <source>%1 (%2 / %3)</source>
        <translation>%1（%2 / %3）</translation>
    </message>
    <message>
        <source>No survey open.</source>
        <translation>調査が開かれていません。</translation>
    </message>
    <message>
        <source>%1: everything is recorded.</source>
        <translation>%1: すべて記録済みです。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s) still missing.</source>
        <translation>
            <numerusform>%1: 未完了 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ConnectionPointPage</name>
    <message>
        <source>Console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>機器名</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>ファームウェア</translation>
    </message>
    <message>
        <source>Edit line</source>
        <translation>回線を編集</translation>
    </message>
    <message>
        <source>Edit line note</source>
        <translation>回線のメモを編集</translation>
    </message>
    <message>
        <source>Change equipment</source>
        <translation>終端機器を変更</translation>
    </message>
    <message>
        <source>Record the ONU location</source>
        <translation>ONU の設置場所を記録</translation>
    </message>
    <message>
        <source>Record EMR reachability</source>
        <translation>電子カルテNWへの直通可否を記録</translation>
    </message>
    <message>
        <source>Record protection</source>
        <translation>保護方式を記録</translation>
    </message>
    <message>
        <source>Edit device</source>
        <translation>機器を編集</translation>
    </message>
    <message>
        <source>Set the device's place</source>
        <translation>機器の配線上の位置を設定</translation>
    </message>
    <message>
        <source>%1　Line %2</source>
        <translation>%1　回線%2</translation>
    </message>
    <message>
        <source>　[undeclared]</source>
        <translation>　［未申告］</translation>
    </message>
    <message>
        <source>all recorded</source>
        <translation>記録済み</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) missing</source>
        <translation>
            <numerusform>未完了 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything for this line is recorded</source>
        <translation>この回線はすべて記録済みです</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still missing</source>
        <translation>
            <numerusform>未完了 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Line found on site (not in the workbook)</source>
        <translation>現地で見つかった回線（申告なし）</translation>
    </message>
    <message>
        <source>Declared in the workbook (別紙2-1)</source>
        <translation>申告内容（別紙2-1）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(not declared)</source>
        <translation>（申告なし）</translation>
    </message>
    <message>
        <source>EMR network</source>
        <translation>電子カルテNW</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未記録）</translation>
    </message>
    <message>
        <source>Found on site</source>
        <translation>現地確認</translation>
    </message>
    <message>
        <source>Taken from the declared device type; choose to confirm.</source>
        <translation>申告の機器種別から判断しています。選び直すと確定します。</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2、%3</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>記録: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>%1を記録</translation>
    </message>
    <message>
        <source>%1 added as an undeclared line.</source>
        <translation>%1 を未申告回線として追加しました。</translation>
    </message>
    <message>
        <source>Add line found on site</source>
        <translation>現地で見つかった回線を追加</translation>
    </message>
    <message>
        <source>Add device</source>
        <translation>機器を追加</translation>
    </message>
    <message>
        <source>Device added at the end of the wiring. Choose its place, then enter what it shows.</source>
        <translation>配線の末尾に機器を追加しました。位置を選び、確認した内容を入力してください。</translation>
    </message>
    <message>
        <source>Move device</source>
        <translation>機器を移動</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>機器を削除</translation>
    </message>
    <message>
        <source>Device removed. Ctrl+Z brings it back.</source>
        <translation>機器を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Declared lines stay in the survey; record the ONU as not found instead.</source>
        <translation>申告された回線は削除できません。代わりに ONU を「見つからない」と記録してください。</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>回線を削除</translation>
    </message>
    <message>
        <source>%1 removed. Ctrl+Z brings it back.</source>
        <translation>%1 を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Add photos of %1</source>
        <translation>%1 の写真を追加</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>画像 (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>写真を追加</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>写真を %n 枚追加しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::CrashHandler</name>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>FieldSurvey stopped unexpectedly.</source>
        <translation>FieldSurvey が予期せず終了しました。</translation>
    </message>
    <message>
        <source>Everything you entered was saved in the survey file when you entered it; open the survey again to continue.

A report was written to %1. Please send it to support.</source>
        <translation>入力した内容は入力した時点で調査ファイルに保存されています。調査ファイルを開き直して作業を続けてください。

報告ファイルを %1 に保存しました。サポートにお送りください。</translation>
    </message>
</context>
<context>
    <name>fs::app::DashboardView</name>
    <message>
        <source>Hospital</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Double-click an item to open it in its survey</source>
        <translation>項目をダブルクリックすると、その調査で開きます</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n item(s)</source>
        <translation>
            <numerusform>%1 — %2: %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2, %3: %n item(s)</source>
        <translation>
            <numerusform>%1 — %2・%3: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>These are not listed one by one.</source>
        <translation>これらは 1 件ずつは表示しません。</translation>
    </message>
    <message>
        <source>Click a bar or a slice to list the items behind it.</source>
        <translation>棒グラフや円グラフをクリックすると、その内訳の項目を一覧します。</translation>
    </message>
    <message>
        <source>Progress per hospital</source>
        <translation>病院ごとの進捗</translation>
    </message>
    <message>
        <source>Findings by status and category</source>
        <translation>所見（状況・分類別）</translation>
    </message>
    <message>
        <source>Windows support of the terminals</source>
        <translation>端末 OS のサポート状況</translation>
    </message>
    <message>
        <source>Lines by connection type and EMR reachability</source>
        <translation>回線（通信形態・電子カルテ到達性別）</translation>
    </message>
    <message>
        <source>Vulnerable firmware (top 10)</source>
        <translation>脆弱なファームウェア（上位10）</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>取得済</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未取得</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>危険</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Direct to the EMR</source>
        <extracomment>A line's reachability of the electronic medical records: 直通可</extracomment>
        <translation>直通可</translation>
    </message>
    <message>
        <source>Not direct to the EMR</source>
        <extracomment>A line's reachability of the electronic medical records: 直通不可</extracomment>
        <translation>直通不可</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>サポート中</translation>
    </message>
    <message>
        <source>Caution (ending soon, ESU)</source>
        <translation>要注意（期限間近・ESU）</translation>
    </message>
    <message>
        <source>End of support</source>
        <translation>サポート終了</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>(not written)</source>
        <translation>（未記入）</translation>
    </message>
</context>
<context>
    <name>fs::app::ErrorMessages</name>
    <message>
        <source>The file could not be read or written.</source>
        <translation>ファイルを読み書きできませんでした。</translation>
    </message>
    <message>
        <source>This file is not a FieldSurvey survey.</source>
        <translation>このファイルは FieldSurvey の調査ファイルではありません。</translation>
    </message>
    <message>
        <source>This survey was saved by a newer version of FieldSurvey. It is open read-only; update FieldSurvey to edit it.</source>
        <translation>この調査は新しいバージョンの FieldSurvey で保存されています。読み取り専用で開きました。編集するには FieldSurvey を更新してください。</translation>
    </message>
    <message>
        <source>The survey file reported an error. Nothing was changed.</source>
        <translation>調査ファイルでエラーが発生しました。変更は行われていません。</translation>
    </message>
    <message>
        <source>This survey is open read-only.</source>
        <translation>この調査は読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>The item no longer exists.</source>
        <translation>対象の項目はもう存在しません。</translation>
    </message>
    <message>
        <source>The data is not in the expected form.</source>
        <translation>データの形式が正しくありません。</translation>
    </message>
    <message>
        <source>The request could not be carried out.</source>
        <translation>要求を実行できませんでした。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>The disk is full. The change was not saved; everything saved before is intact. Free some space and try again.</source>
        <translation>ディスクがいっぱいです。この変更は保存されていません（それまでに保存した内容は無事です）。空き容量を確保してからやり直してください。</translation>
    </message>
    <message>
        <source>The survey file cannot be written (read-only medium or folder). Copy it to a writable folder to edit it.</source>
        <translation>調査ファイルに書き込めません（読み取り専用の媒体またはフォルダ）。編集するには書き込めるフォルダにコピーしてください。</translation>
    </message>
    <message>
        <source>Another FieldSurvey is editing this survey. Close it there, or open the survey read-only.</source>
        <translation>別の FieldSurvey がこの調査を編集中です。そちらを閉じるか、読み取り専用で開いてください。</translation>
    </message>
    <message>
        <source>The survey file is damaged. Do not edit it; keep a copy and contact support.</source>
        <translation>調査ファイルが破損しています。編集せずにコピーを保管し、サポートに連絡してください。</translation>
    </message>
    <message>
        <source>The device could not be reached, or the session broke off.</source>
        <translation>機器に接続できないか、通信が途中で切れました。</translation>
    </message>
    <message>
        <source>The device did not answer in time.</source>
        <translation>機器が時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>The device refused the user name, the password or the key.</source>
        <translation>機器がユーザー名・パスワード・鍵のいずれかを受け付けませんでした。</translation>
    </message>
    <message>
        <source>This device's host key has not been accepted for this survey yet.</source>
        <translation>この機器のホスト鍵は、この調査ではまだ承認されていません。</translation>
    </message>
    <message>
        <source>The device's host key is not the one accepted for this survey. The connection was refused: someone may be in between. Ask the hospital whether the device was replaced.</source>
        <translation>機器のホスト鍵が、この調査で承認した鍵と異なります。接続を中止しました（通信の途中に第三者がいるおそれがあります）。機器が交換されたかどうか医療機関に確認してください。</translation>
    </message>
    <message>
        <source>A command that could change the device was refused. FieldSurvey only reads.</source>
        <translation>機器の設定を変更しうるコマンドは送信しません。FieldSurvey は読み取りのみを行います。</translation>
    </message>
    <message>
        <source>This is already in the survey.</source>
        <translation>すでに調査に含まれています。</translation>
    </message>
    <message>
        <source>The secure connection to the portal failed: check the client certificate, its passphrase and the portal's address.</source>
        <translation>ポータルとの暗号化通信に失敗しました。クライアント証明書、そのパスフレーズ、ポータルのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The portal refused the request. Nothing confirmed was lost; unsent changes stay queued.</source>
        <translation>ポータルが要求を受け付けませんでした。確定済みのデータは失われていません。未送信の変更は送信待ちのまま残ります。</translation>
    </message>
    <message>
        <source>The same item was changed here and on the portal. Decide which value to keep.</source>
        <translation>同じ項目がこの端末とポータルの両方で変更されました。どちらの値を残すか決めてください。</translation>
    </message>
</context>
<context>
    <name>fs::app::FindingDialog</name>
    <message>
        <source>The whole survey</source>
        <translation>調査全体</translation>
    </message>
    <message>
        <source>Line %1 %2</source>
        <translation>回線 %1 %2</translation>
    </message>
    <message>
        <source>Device %1 %2 %3</source>
        <translation>機器 %1 %2 %3</translation>
    </message>
    <message>
        <source>Terminal %1 %2</source>
        <translation>端末%1 %2</translation>
    </message>
    <message>
        <source>Write what was found.</source>
        <translation>所見を入力してください。</translation>
    </message>
</context>
<context>
    <name>fs::app::FindingsPage</name>
    <message>
        <source>All findings</source>
        <translation>すべての所見</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>報告書に載る所見</translation>
    </message>
    <message>
        <source>Danger only</source>
        <translation>危険のみ</translation>
    </message>
    <message>
        <source>Caution only</source>
        <translation>注意のみ</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>却下した所見</translation>
    </message>
    <message>
        <source>The rules could not be run: %1</source>
        <translation>ルールを実行できませんでした: %1</translation>
    </message>
    <message>
        <source>Findings re-evaluated: %1 new, %2 changed, %3 no longer raised</source>
        <translation>所見を再評価しました: 新規 %1 件、変更 %2 件、該当しなくなった所見 %3 件</translation>
    </message>
    <message>
        <source>The findings could not be read: %1</source>
        <translation>所見を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source> (to be confirmed)</source>
        <translation>（要確認）</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>ルール %1</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>調査員</translation>
    </message>
    <message>
        <source>, edited</source>
        <translation>、調査員が修正</translation>
    </message>
    <message>
        <source>Dismissed: %1</source>
        <translation>却下: %1</translation>
    </message>
    <message>
        <source>Danger %1 · Caution %2 · Dismissed %3 (as of %4)</source>
        <translation>危険 %1 件・注意 %2 件・却下 %3 件（評価基準日 %4）</translation>
    </message>
    <message>
        <source>Raised by rule %1.</source>
        <translation>ルール %1 による所見です。</translation>
    </message>
    <message>
        <source>Added by the investigator.</source>
        <translation>調査員が追加した所見です。</translation>
    </message>
    <message>
        <source>Edited by %1 on %2; the rules no longer change it.</source>
        <translation>%1 が %2 に修正しました。以後ルールでは変更されません。</translation>
    </message>
    <message>
        <source>To be confirmed: the rule rests on facts that were not read from the primary source.</source>
        <translation>要確認: 一次情報から読み取っていない事実に基づく判定です。</translation>
    </message>
    <message>
        <source>Dismissed by %1: %2</source>
        <translation>%1 が却下: %2</translation>
    </message>
    <message>
        <source>Not stored yet (the survey is open read-only).</source>
        <translation>未保存です（調査ファイルを読み取り専用で開いています）。</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>所見の修正</translation>
    </message>
    <message>
        <source>A finding needs a text. Dismiss it instead.</source>
        <translation>所見の文章は空にできません。当てはまらない場合は却下してください。</translation>
    </message>
    <message>
        <source>Finding saved; the rules will leave it as it is now.</source>
        <translation>所見を保存しました。以後ルールでは変更されません。</translation>
    </message>
    <message>
        <source>Dismiss finding</source>
        <translation>所見の却下</translation>
    </message>
    <message>
        <source>Why does this finding not apply? The reason is kept with the finding and listed in the report.</source>
        <translation>この所見が当てはまらない理由を入力してください。理由は所見とともに記録され、報告書にも記載されます。</translation>
    </message>
    <message>
        <source>A dismissal needs a reason.</source>
        <translation>却下には理由が必要です。</translation>
    </message>
    <message>
        <source>Take back dismissal</source>
        <translation>却下の取り消し</translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation>所見の削除</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>所見の追加</translation>
    </message>
</context>
<context>
    <name>fs::app::FloorPlanPage</name>
    <message>
        <source>ONU</source>
        <translation>ONU</translation>
    </message>
    <message>
        <source>Router/UTM</source>
        <translation>ルータ/UTM</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Remove floor plan</source>
        <translation>平面図を削除</translation>
    </message>
    <message>
        <source>Floor plan removed. Ctrl+Z brings it back.</source>
        <translation>平面図を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Change pin kind</source>
        <translation>ピンの種類を変更</translation>
    </message>
    <message>
        <source>Label pin</source>
        <translation>ピンのラベルを変更</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>写真を追加</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>写真 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Plan %1</source>
        <translation>平面図 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n pin(s))</source>
        <translation>
            <numerusform>%1（ピン %n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>The floor plan %1 cannot be shown: %2</source>
        <translation>平面図 %1 を表示できません: %2</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>未リンク</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
    <message>
        <source>From the workbook: %1</source>
        <translation>調査票から: %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>回線 %1</translation>
    </message>
    <message>
        <source>Line %1 (%2)</source>
        <translation>回線 %1（%2）</translation>
    </message>
    <message>
        <source>  Device %1 of %2</source>
        <translation>  機器 %1（%2）</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>端末 %1</translation>
    </message>
    <message>
        <source>Terminal %1 (%2)</source>
        <translation>端末 %1（%2）</translation>
    </message>
    <message>
        <source>Done: linked, nothing missing, photographed</source>
        <translation>完了: 紐付け済み、未入力なし、撮影済み</translation>
    </message>
    <message>
        <source>Has a finding (危険/注意)</source>
        <translation>所見あり（危険/注意）</translation>
    </message>
    <message>
        <source>Missing: not linked to a line, device or terminal</source>
        <translation>未完了: 回線・機器・端末に紐付いていません</translation>
    </message>
    <message>
        <source>Missing: something is still to capture or photograph</source>
        <translation>未完了: 未入力の項目か未撮影があります</translation>
    </message>
    <message>
        <source>Photos not linked yet (%1)</source>
        <translation>未リンクの写真（%1 枚）</translation>
    </message>
    <message>
        <source>Add floor plan</source>
        <translation>平面図を追加</translation>
    </message>
    <message>
        <source>Floor plan %1 added.</source>
        <translation>平面図 %1 を追加しました。</translation>
    </message>
    <message>
        <source>Floor plans (*.pdf *.png *.jpg *.jpeg *.PDF *.PNG *.JPG *.JPEG)</source>
        <translation>平面図 (*.pdf *.png *.jpg *.jpeg *.PDF *.PNG *.JPG *.JPEG)</translation>
    </message>
    <message>
        <source>Page %1 — %2 × %3 mm</source>
        <translation>%1 ページ — %2 × %3 mm</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n page(s). Which one is the floor plan?</source>
        <translation>
            <numerusform>%1 は %n ページあります。どのページが平面図ですか？</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotate floor plan</source>
        <translation>平面図を回転</translation>
    </message>
    <message>
        <source>Add pin</source>
        <translation>ピンを追加</translation>
    </message>
    <message>
        <source>Pin added. Choose what it marks on the right.</source>
        <translation>ピンを追加しました。右側で対象を選んでください。</translation>
    </message>
    <message>
        <source>Move pin</source>
        <translation>ピンを移動</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>ピンを削除</translation>
    </message>
    <message>
        <source>Pin removed. Ctrl+Z brings it back.</source>
        <translation>ピンを削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Link pin</source>
        <translation>ピンを紐付け</translation>
    </message>
    <message>
        <source>Importing photos…</source>
        <translation>写真を取り込んでいます…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message numerus="yes">
        <source>Import %n photo(s)</source>
        <translation>
            <numerusform>写真 %n 枚を取り込み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) imported</source>
        <translation>
            <numerusform>写真 %n 枚を取り込みました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the survey</source>
        <translation>
            <numerusform>、%n 枚は取り込み済み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n could not be read</source>
        <translation>
            <numerusform>、%n 枚は読み込めませんでした</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>、その他のファイル %n 件は対象外</numerusform>
        </translation>
    </message>
    <message>
        <source>Import photos from a folder</source>
        <translation>フォルダから写真を取り込む</translation>
    </message>
    <message>
        <source>Link photo</source>
        <translation>写真を紐付け</translation>
    </message>
</context>
<context>
    <name>fs::app::FloorPlanView</name>
    <message>
        <source>Floor plan</source>
        <translation>平面図</translation>
    </message>
</context>
<context>
    <name>fs::app::ImportWarningText</name>
    <message>
        <source>A required field is empty</source>
        <translation>必須項目が空欄です</translation>
    </message>
    <message>
        <source>Consent (本施策の同意確認) is not 同意する</source>
        <translation>本施策の同意確認が「同意する」になっていません</translation>
    </message>
    <message>
        <source>Not a valid IPv4 address</source>
        <translation>IPv4 アドレスの形式が正しくありません</translation>
    </message>
    <message>
        <source>The global IP address is a private or reserved address</source>
        <translation>グローバルIPアドレスがプライベートまたは予約済みのアドレスです</translation>
    </message>
    <message>
        <source>Vulnerability scan requested but no global IP address given</source>
        <translation>脆弱性診断の希望がありますが、グローバルIPアドレスが記入されていません</translation>
    </message>
    <message>
        <source>Dynamic IP: the address must be confirmed on the scan day</source>
        <translation>動的IPのため、診断当日にグローバルIPアドレスの確認が必要です</translation>
    </message>
    <message>
        <source>The survey checks five terminals; a different number is listed</source>
        <translation>調査端末は5台ですが、記入された台数が異なります</translation>
    </message>
    <message>
        <source>The host name appears twice</source>
        <translation>ホスト名が重複しています</translation>
    </message>
    <message>
        <source>The IP address appears twice</source>
        <translation>IPアドレスが重複しています</translation>
    </message>
    <message>
        <source>The password sheet must not be submitted; it was ignored unread</source>
        <translation>パスワードリストは提出対象外です。読み込まずに無視しました</translation>
    </message>
    <message>
        <source>A sheet that is not part of 別紙2-1 (not imported)</source>
        <translation>別紙2-1 にないシートです（取り込みません）</translation>
    </message>
    <message>
        <source>A column that is not part of 別紙2-1 (not imported)</source>
        <translation>別紙2-1 にない列です（取り込みません）</translation>
    </message>
    <message>
        <source>A callout that names no line or terminal (no pin made)</source>
        <translation>回線・端末を示していない吹き出しです（ピンは作成しません）</translation>
    </message>
    <message>
        <source>A callout points outside the floor plan (pin put on the edge)</source>
        <translation>吹き出しの先が平面図の外を指しています（ピンは端に置きました）</translation>
    </message>
    <message>
        <source>A floor-plan image cannot be read</source>
        <translation>平面図の画像を読み込めません</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>数値ではありません</translation>
    </message>
    <message>
        <source>A sheet of 別紙2-1 is missing</source>
        <translation>別紙2-1 のシートが不足しています</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>回線%1</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>端末%1</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Floor plans</source>
        <translation>平面図</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>調査端末</translation>
    </message>
</context>
<context>
    <name>fs::app::MainWindow</name>
    <message>
        <source>Opening %1</source>
        <translation>%1 を開いています</translation>
    </message>
    <message>
        <source>Creating the demo survey</source>
        <translation>デモ調査を作成しています</translation>
    </message>
    <message>
        <source>Open survey</source>
        <translation>調査を開く</translation>
    </message>
    <message>
        <source>FieldSurvey surveys (*.fsv);;All files (*)</source>
        <translation>FieldSurvey 調査ファイル (*.fsv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>About FieldSurvey</source>
        <translation>FieldSurvey について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldSurvey %1&lt;/h3&gt;&lt;p&gt;The on-site survey workbench of the MHLW programme for cybersecurity in hospitals (医療機関におけるサイバーセキュリティ確保事業).&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldSurvey %1&lt;/h3&gt;&lt;p&gt;厚生労働省「医療機関におけるサイバーセキュリティ確保事業」の現地調査用ツールです。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>No survey open</source>
        <translation>調査が開かれていません</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 を読み込んでいます</translation>
    </message>
    <message>
        <source>(hospital name not entered)</source>
        <translation>（医療機関名 未入力）</translation>
    </message>
    <message>
        <source>Medical institution code %1</source>
        <translation>医療機関コード %1</translation>
    </message>
    <message>
        <source>〒%1 %2</source>
        <translation>〒%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s)</source>
        <translation>
            <numerusform>%n床</numerusform>
        </translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd)</source>
        <comment>visit date format</comment>
        <translation>yyyy年M月d日(ddd)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>investigator (role)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Visit: %1</source>
        <translation>訪問日: %1</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Investigators: %1</source>
        <translation>調査員: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>&amp;Connection points (%1)</source>
        <translation>外部接続点 (%1)(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminals (%1)</source>
        <translation>調査端末 (%1)(&amp;T)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（読み取り専用）</translation>
    </message>
    <message>
        <source>%1 — FieldSurvey</source>
        <translation>%1 — FieldSurvey</translation>
    </message>
    <message>
        <source>Unsynced: unknown</source>
        <translation>未同期 不明</translation>
    </message>
    <message numerus="yes">
        <source>Unsynced: %n change(s)</source>
        <translation>
            <numerusform>未同期 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>No network. Everything is saved in the survey file and can be synced later.</source>
        <translation>ネットワークに接続されていません。入力内容はすべて調査ファイルに保存され、後で同期できます。</translation>
    </message>
    <message>
        <source>Network connected</source>
        <translation>ネットワーク接続あり</translation>
    </message>
    <message>
        <source>A network is connected; whether the portal can be reached is checked when syncing.</source>
        <translation>ネットワークに接続されています。ポータルに接続できるかは同期時に確認します。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>The internet is reachable.</source>
        <translation>インターネットに接続できます。</translation>
    </message>
    <message>
        <source>Saving the change</source>
        <translation>変更を保存しています</translation>
    </message>
    <message>
        <source>Another FieldSurvey is editing %1.

Open it read-only to look at it?</source>
        <translation>別の FieldSurvey が %1 を編集中です。

読み取り専用で開きますか？</translation>
    </message>
    <message>
        <source>Open survey read-only</source>
        <translation>調査を読み取り専用で開く</translation>
    </message>
    <message>
        <source>Import the hospital's workbook</source>
        <translation>医療機関の記入依頼書を取り込む</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel ブック (*.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save the new survey as</source>
        <translation>新しい調査ファイルの保存先</translation>
    </message>
    <message>
        <source>FieldSurvey surveys (*.fsv)</source>
        <translation>FieldSurvey 調査ファイル (*.fsv)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 を取り込んでいます</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>the workbook</source>
        <translation>ワークブック</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warning(s).</source>
        <translation>
            <numerusform>%1: 回線 %2（機器 %3）、調査端末 %4、平面図 %5（ピン %6）。警告 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Basic information is shown at the top of the window.</source>
        <translation>基本情報はウィンドウ上部に表示されています。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Connection points (%1, %2 open)</source>
        <translation>外部接続点 (%1・未完了 %2)(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminals (%1, %2 open)</source>
        <translation>調査端末 (%1・未完了 %2)(&amp;T)</translation>
    </message>
    <message>
        <source>Floor &amp;plans (%1)</source>
        <translation>平面図 (%1)(&amp;P)</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>元に戻す: %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>やり直し: %1(&amp;R)</translation>
    </message>
    <message>
        <source>Select a device in the wiring of a line first (Ctrl+Shift+D adds one).</source>
        <translation>先に回線の配線で機器を選んでください（Ctrl+Shift+D で追加できます）。</translation>
    </message>
    <message>
        <source>Loading the device profiles</source>
        <translation>機種プロファイルの読み込み</translation>
    </message>
    <message>
        <source>Save the terminal collector to</source>
        <translation>端末収集スクリプトの保存先</translation>
    </message>
    <message>
        <source>Saving the terminal collector</source>
        <translation>端末収集スクリプトの保存</translation>
    </message>
    <message>
        <source>Saved %1 to %2. On the terminal, run fieldsurvey-terminal.cmd.</source>
        <translation>%1 を %2 に保存しました。端末では fieldsurvey-terminal.cmd を実行してください。</translation>
    </message>
    <message>
        <source>Re-evaluating the findings</source>
        <translation>所見の再評価</translation>
    </message>
    <message>
        <source>Survey report %1.pdf</source>
        <translation>調査報告書 %1.pdf</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>報告書の保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>報告書の作成</translation>
    </message>
    <message numerus="yes">
        <source>Saved the report to %1 (%n page(s)).</source>
        <translation>
            <numerusform>報告書を %1 に保存しました（%n ページ）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey results %1.xlsx</source>
        <translation>調査結果 %1.xlsx</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>調査結果の書き出し</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the results</source>
        <translation>調査結果の書き出し</translation>
    </message>
    <message>
        <source>Exported the results to %1.</source>
        <translation>調査結果を %1 に書き出しました。</translation>
    </message>
    <message>
        <source>Import photos from a folder</source>
        <translation>フォルダから写真を取り込む</translation>
    </message>
    <message>
        <source>Exporting the photos to %1</source>
        <translation>写真を %1 に書き出す</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) written to %1 without location data.</source>
        <translation>
            <numerusform>写真 %n 枚を位置情報なしで %1 に書き出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export photos without location</source>
        <translation>写真を書き出す（位置情報なし）</translation>
    </message>
    <message>
        <source>%1 (conflicts: %2)</source>
        <comment>unsynced changes (open sync conflicts)</comment>
        <translation>%1（競合 %2件）</translation>
    </message>
    <message numerus="yes">
        <source>Submitted with %n review comment(s) not marked dealt with.</source>
        <translation>
            <numerusform>対応済みになっていないレビューコメントが %n 件ある状態で提出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitting the survey</source>
        <translation>調査の提出</translation>
    </message>
    <message>
        <source>Marking the comment dealt with</source>
        <translation>コメントを対応済みにする</translation>
    </message>
</context>
<context>
    <name>fs::app::MarkupDialog</name>
    <message>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>青</translation>
    </message>
</context>
<context>
    <name>fs::app::MissingItemText</name>
    <message>
        <source>%1: %2</source>
        <comment>subject: what is missing</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>端末%1</translation>
    </message>
    <message>
        <source>Arrival time not recorded</source>
        <translation>入館時刻が未記録</translation>
    </message>
    <message>
        <source>Who attends for the hospital is not entered</source>
        <translation>立会者が未入力</translation>
    </message>
    <message>
        <source>End time not recorded</source>
        <translation>終了時刻が未記録</translation>
    </message>
    <message>
        <source>Departure time not recorded</source>
        <translation>退館時刻が未記録</translation>
    </message>
    <message>
        <source>Where the ONU was found is not entered</source>
        <translation>ONU の実際の設置場所が未入力</translation>
    </message>
    <message>
        <source>ONU location not checked</source>
        <translation>ONU の設置場所が未確認</translation>
    </message>
    <message>
        <source>No photo of the ONU and line ID label</source>
        <translation>ONU・回線IDラベルの写真なし</translation>
    </message>
    <message>
        <source>Wiring below the line not recorded</source>
        <translation>回線の下流の配線が未記録</translation>
    </message>
    <message>
        <source>Direct reachability of the EMR network not decided</source>
        <translation>電子カルテNWへの直通可否が未判定</translation>
    </message>
    <message>
        <source>Protection not decided</source>
        <translation>保護方式が未判定</translation>
    </message>
    <message>
        <source>A device's place in the wiring is not set</source>
        <translation>機器の配線上の位置が未設定</translation>
    </message>
    <message>
        <source>%1: place in the wiring not set</source>
        <translation>%1: 配線上の位置が未設定</translation>
    </message>
    <message>
        <source>A device's firmware version is not recorded</source>
        <translation>機器のファームウェアが未記録</translation>
    </message>
    <message>
        <source>%1: firmware version not recorded</source>
        <translation>%1: ファームウェアが未記録</translation>
    </message>
    <message>
        <source>Check not finished</source>
        <translation>調査が未完了</translation>
    </message>
    <message>
        <source>%1 not recorded</source>
        <translation>%1が未記録</translation>
    </message>
    <message>
        <source>Why the check was not possible is not noted</source>
        <translation>調査できなかった理由が未記入</translation>
    </message>
    <message>
        <source>(untitled step)</source>
        <translation>（名称なしの工程）</translation>
    </message>
</context>
<context>
    <name>fs::app::ModelLabels</name>
    <message>
        <source>CAF ID</source>
        <translation>CAF ID</translation>
    </message>
    <message>
        <source>Line No.</source>
        <translation>回線No</translation>
    </message>
    <message>
        <source>Purpose / system</source>
        <translation>用途・システム名</translation>
    </message>
    <message>
        <source>Line type</source>
        <translation>回線種別</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>回線事業者</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>通信形態</translation>
    </message>
    <message>
        <source>ONU location</source>
        <translation>ONU設置場所</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申告</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム種別</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>利用形態</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>端末ホスト名</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IPアドレス</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>Security product</source>
        <translation>セキュリティ対策製品</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>調査状況</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>作業</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Undeclared (found on site)</source>
        <translation>未申告（現地で発見）</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>実施不可</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>入館</translation>
    </message>
    <message>
        <source>Pre-work briefing</source>
        <translation>作業前打合せ</translation>
    </message>
    <message>
        <source>External connection points</source>
        <translation>外部接続点調査</translation>
    </message>
    <message>
        <source>Terminal checks</source>
        <translation>端末調査</translation>
    </message>
    <message>
        <source>Clean-up and departure</source>
        <translation>片付け・退館</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>作成中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出済</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>差戻し</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>リーダー</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>▶ %1</source>
        <comment>the current step of the day</comment>
        <translation>▶ %1</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Found where declared</source>
        <translation>申告どおり</translation>
    </message>
    <message>
        <source>Found elsewhere (corrected)</source>
        <translation>別の場所（訂正）</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つからない</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>Directly reachable (直通可)</source>
        <translation>直通可</translation>
    </message>
    <message>
        <source>Not directly reachable (直通不可)</source>
        <translation>直通不可</translation>
    </message>
    <message>
        <source>IPsec</source>
        <translation>IPsec</translation>
    </message>
    <message>
        <source>SSL-VPN</source>
        <translation>SSL-VPN</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Closed network</source>
        <translation>閉域網</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>ONU / line terminal</source>
        <translation>ONU・回線終端装置</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>ルータ</translation>
    </message>
    <message>
        <source>UTM</source>
        <translation>UTM</translation>
    </message>
    <message>
        <source>Firewall</source>
        <translation>ファイアウォール</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>スイッチ</translation>
    </message>
    <message>
        <source>VPN gateway</source>
        <translation>VPN装置</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>ONU</source>
        <translation>ONU</translation>
    </message>
    <message>
        <source>CATV modem</source>
        <translation>CATVモデム</translation>
    </message>
    <message>
        <source>Home gateway (HGW)</source>
        <translation>ホームゲートウェイ（HGW）</translation>
    </message>
    <message>
        <source>CTU</source>
        <translation>CTU</translation>
    </message>
    <message>
        <source>ADSL modem</source>
        <translation>ADSLモデム</translation>
    </message>
    <message>
        <source>Home router</source>
        <translation>家庭用ルータ</translation>
    </message>
    <message>
        <source>Mobile router</source>
        <translation>モバイルルータ</translation>
    </message>
    <message>
        <source>USB dongle</source>
        <translation>USBドングル</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>OSバージョン</translation>
    </message>
    <message>
        <source>Windows Update</source>
        <translation>Windows Update</translation>
    </message>
    <message>
        <source>Internet connection</source>
        <translation>インターネット接続</translation>
    </message>
    <message>
        <source>Antivirus / EDR</source>
        <translation>ウイルス対策・EDR</translation>
    </message>
    <message>
        <source>USB storage</source>
        <translation>USBストレージ</translation>
    </message>
    <message>
        <source>Not evaluated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>危険</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>機種名</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>ファームウェア</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>workbook</source>
        <translation>記入依頼書</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>collector</source>
        <translation>収集スクリプト</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>— (note)</source>
        <translation>—（参考）</translation>
    </message>
</context>
<context>
    <name>fs::app::PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <source>Edit photo caption</source>
        <translation>写真の説明を編集</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>写真を削除</translation>
    </message>
    <message>
        <source>Photo removed. Ctrl+Z brings it back.</source>
        <translation>写真を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>後へ ▶</translation>
    </message>
    <message>
        <source>Mark up…</source>
        <translation>書き込み…</translation>
    </message>
    <message>
        <source>Enter: show large · F2: caption · Ctrl+Left/Right: move · Ctrl+M: mark up · Delete: remove</source>
        <translation>Enter: 拡大表示 · F2: 説明 · Ctrl+←/→: 並べ替え · Ctrl+M: 書き込み · Delete: 削除</translation>
    </message>
    <message>
        <source>Draw arrows, circles and text over the photo; the photo itself is kept as taken</source>
        <translation>写真の上に矢印・円・文字を書き込みます。写真そのものは撮影したまま残ります</translation>
    </message>
    <message>
        <source>Move photo earlier</source>
        <translation>写真を前へ移動</translation>
    </message>
    <message>
        <source>Move photo later</source>
        <translation>写真を後へ移動</translation>
    </message>
    <message>
        <source>Mark up %1</source>
        <translation>%1 に書き込み</translation>
    </message>
    <message>
        <source>Mark up photo</source>
        <translation>写真に書き込み</translation>
    </message>
    <message>
        <source>%1, taken %2</source>
        <translation>%1、撮影 %2</translation>
    </message>
</context>
<context>
    <name>fs::app::PortfolioTableModel</name>
    <message>
        <source>%1 of %2 items captured</source>
        <translation>%2 項目中 %1 項目を取得済</translation>
    </message>
    <message>
        <source>Hospital code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>調査員</translation>
    </message>
    <message>
        <source>Visit dates</source>
        <translation>訪問日</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>危険</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Unsynced</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>Open comments</source>
        <translation>未解決コメント</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
</context>
<context>
    <name>fs::app::PortfolioView</name>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Hospital code or name</source>
        <translation>医療機関コードまたは名称</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file for Excel</source>
        <translation>表示中の行を Excel 用の CSV ファイルに保存します</translation>
    </message>
    <message>
        <source>&amp;Prefecture:</source>
        <translation>都道府県(&amp;P):</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Investigator:</source>
        <translation>調査員(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>%1 / %2 surveys</source>
        <translation>%1 / %2 件</translation>
    </message>
    <message>
        <source>Portfolio.csv</source>
        <translation>ポートフォリオ.csv</translation>
    </message>
    <message>
        <source>Export the portfolio</source>
        <translation>ポートフォリオの書き出し</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 の書き込み</translation>
    </message>
</context>
<context>
    <name>fs::app::ReportPreviewDialog</name>
    <message>
        <source>Survey report</source>
        <translation>調査報告書</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>報告書の作成</translation>
    </message>
    <message>
        <source>The report was written but cannot be shown.</source>
        <translation>報告書は作成しましたが、表示できません。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>報告書の保存</translation>
    </message>
    <message>
        <source>report.pdf</source>
        <translation>調査報告書.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be saved to %1.</source>
        <translation>報告書を %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>調査結果の書き出し</translation>
    </message>
    <message>
        <source>results.xlsx</source>
        <translation>調査結果.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the results</source>
        <translation>調査結果の書き出し</translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewMarks</name>
    <message>
        <source>Review (%1): %2</source>
        <comment>author: comment</comment>
        <translation>レビュー（%1）: %2</translation>
    </message>
    <message numerus="yes">
        <source>Returned: %n comment(s)</source>
        <translation>
            <numerusform>差戻し: 指摘 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewNotesPanel</name>
    <message>
        <source>Mark &amp;dealt with</source>
        <translation>対応済みにする(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;submit to the team lead</source>
        <translation>チームリーダーに再提出(&amp;S)</translation>
    </message>
    <message>
        <source>Returned items</source>
        <translation>差戻しの項目</translation>
    </message>
    <message numerus="yes">
        <source>Returned by %1 on %2 — %n item(s) to deal with</source>
        <translation>
            <numerusform>%1 が %2 に差戻し — 対応する指摘 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review comments (%1) — %n item(s) to deal with</source>
        <translation>
            <numerusform>レビューコメント（%1）— 対応する指摘 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewTargetText</name>
    <message>
        <source>Whole survey</source>
        <translation>調査全体</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>回線 %1</translation>
    </message>
    <message>
        <source>Device %1 (%2)</source>
        <translation>機器 %1（%2）</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>端末 %1</translation>
    </message>
    <message>
        <source>Terminal %1 (%2)</source>
        <translation>端末 %1（%2）</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation>所見: %1</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>写真 %1</translation>
    </message>
    <message>
        <source>Floor plan %1</source>
        <translation>平面図 %1</translation>
    </message>
    <message>
        <source>Pin %1 on %2</source>
        <translation>ピン %1（%2）</translation>
    </message>
    <message>
        <source>Removed item</source>
        <translation>削除された項目</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4)</source>
        <comment>target — comment (author, time)</comment>
        <translation>%1 — %2（%3、%4）</translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewWindow</name>
    <message>
        <source>Review — FieldSurvey</source>
        <translation>レビュー — FieldSurvey</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>ポートフォリオ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>レビュー(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open folder of surveys…</source>
        <translation>調査ファイルのフォルダを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export the portfolio as CSV…</source>
        <translation>ポートフォリオを CSV に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Folder of survey files</source>
        <translation>調査ファイルのフォルダ</translation>
    </message>
    <message>
        <source>Review %1 — FieldSurvey</source>
        <translation>レビュー %1 — FieldSurvey</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n survey(s)…</source>
        <translation>
            <numerusform>調査 %n 件を読み込み中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s)</source>
        <translation>
            <numerusform>調査 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n file(s) could not be read (see the tooltip)</source>
        <translation>
            <numerusform> — 読めなかったファイル %n 件（ツールチップを参照）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ScanDayPage</name>
    <message>
        <source>Ready (fixed IP)</source>
        <translation>診断可（固定IP）</translation>
    </message>
    <message>
        <source>Confirmed (scan-day IP)</source>
        <translation>確認済（当日IP）</translation>
    </message>
    <message>
        <source>Not confirmed: cannot be scanned</source>
        <translation>未確認（診断不可）</translation>
    </message>
    <message>
        <source>No global IP: cannot be scanned</source>
        <translation>IPアドレスなし（診断不可）</translation>
    </message>
    <message>
        <source>Not a global IP: cannot be scanned</source>
        <translation>グローバルIPではない（診断不可）</translation>
    </message>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>未診断</translation>
    </message>
    <message numerus="yes">
        <source>%n open port(s)</source>
        <translation>
            <numerusform>開いているポート %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan team cannot scan this line until its address is confirmed.</source>
        <translation>アドレスが確認されるまで、診断チームはこの回線を診断できません。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) asked for the vulnerability scan</source>
        <translation>
            <numerusform>脆弱性診断を希望した回線 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be scanned as they stand</source>
        <translation>
            <numerusform>うち %n件は現状では診断できません</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>取込元: %1</translation>
    </message>
    <message>
        <source>No line</source>
        <translation>照合なし</translation>
    </message>
    <message>
        <source>Matched no line</source>
        <translation>どの回線とも一致しない</translation>
    </message>
    <message>
        <source>Superseded by a later scan</source>
        <translation>後の診断で置き換え済み</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>危険</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>開 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) imported</source>
        <translation>
            <numerusform>取り込んだ診断結果 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) matched no line</source>
        <translation>
            <numerusform>照合できないホスト %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — nmap %2, %3, %n host(s)</source>
        <translation>
            <numerusform>%1 — nmap %2、%3、ホスト %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirming the scan-day IP of %1</source>
        <translation>%1 の当日IPの確認</translation>
    </message>
    <message>
        <source>Confirm the scan-day IP of %1</source>
        <translation>%1 の当日IPを確認</translation>
    </message>
    <message>
        <source>%1: scan-day IP %2 recorded</source>
        <translation>%1: 当日IP %2 を記録しました</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 の取り込み</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s), </source>
        <translation>
            <numerusform>%1: ホスト %n件、</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched to lines, </source>
        <translation>
            <numerusform>回線と照合 %n件、</numerusform>
        </translation>
    </message>
    <message>
        <source>not matched: %1</source>
        <translation>照合できない: %1</translation>
    </message>
    <message>
        <source>Import Nmap XML results</source>
        <translation>Nmap XML の結果を取り込む</translation>
    </message>
    <message>
        <source>Nmap XML (*.xml);;All files (*)</source>
        <translation>Nmap XML (*.xml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 の書き込み</translation>
    </message>
    <message>
        <source>Wrote the scan-day list to %1</source>
        <translation>診断対象一覧を %1 に書き出しました</translation>
    </message>
    <message>
        <source>Export the scan-day list</source>
        <translation>診断対象一覧の書き出し</translation>
    </message>
    <message>
        <source>scan-day-list.csv</source>
        <translation>診断対象一覧.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Matching the scanned hosts</source>
        <translation>診断したホストの照合</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) matched to a different line</source>
        <translation>
            <numerusform>照合先が変わったホスト %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove import</source>
        <translation>取込の削除</translation>
    </message>
    <message>
        <source>Remove %1 with all its hosts and ports? Findings from it go as well.</source>
        <translation>%1 をホストとポートごと削除しますか？この取込による所見も消えます。</translation>
    </message>
    <message>
        <source>Removing the import</source>
        <translation>取込の削除</translation>
    </message>
</context>
<context>
    <name>fs::app::ScanIpDialog</name>
    <message>
        <source>%1 (line %2, %3): the global IP the hospital reads from its router today. The scan team scans only this address.</source>
        <translation>%1（回線%2、%3）: 病院が本日ルータで確認したグローバルIPを入力してください。診断チームはこのアドレスだけを診断します。</translation>
    </message>
    <message>
        <source>IP assignment not given</source>
        <translation>IPアドレス種別の記入なし</translation>
    </message>
    <message>
        <source>«%1» is not a public IP address. Enter the global IP the hospital confirmed (not a private, loopback or CGNAT address).</source>
        <translation>「%1」はグローバルIPアドレスではありません。病院が確認したグローバルIPを入力してください（プライベート、ループバック、CGNAT のアドレスは不可）。</translation>
    </message>
    <message>
        <source>Say who confirmed the address with the hospital.</source>
        <translation>病院に誰が確認したかを入力してください。</translation>
    </message>
</context>
<context>
    <name>fs::app::SchedulePage</name>
    <message>
        <source>not planned</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd)</source>
        <comment>visit date format</comment>
        <translation>yyyy年M月d日(ddd)</translation>
    </message>
    <message>
        <source>Record arrival now</source>
        <translation>入館時刻を記録</translation>
    </message>
    <message>
        <source>Record the start now</source>
        <translation>開始時刻を記録</translation>
    </message>
    <message>
        <source>Record departure now</source>
        <translation>退館時刻を記録</translation>
    </message>
    <message>
        <source>Record the end now</source>
        <translation>終了時刻を記録</translation>
    </message>
    <message>
        <source>Times recorded</source>
        <translation>記録済み</translation>
    </message>
    <message>
        <source>Record the start of %1</source>
        <translation>%1の開始を記録</translation>
    </message>
    <message>
        <source>Record the end of %1</source>
        <translation>%1の終了を記録</translation>
    </message>
    <message>
        <source>Add visit day</source>
        <translation>訪問日を追加</translation>
    </message>
    <message>
        <source>Change the visit date</source>
        <translation>訪問日を変更</translation>
    </message>
    <message>
        <source>Edit who attends</source>
        <translation>立会者を編集</translation>
    </message>
    <message>
        <source>Change the planned time</source>
        <translation>予定時刻を変更</translation>
    </message>
    <message>
        <source>Correct the recorded time</source>
        <translation>記録時刻を訂正</translation>
    </message>
    <message>
        <source>Edit the step note</source>
        <translation>工程のメモを編集</translation>
    </message>
    <message>
        <source>Running %1 behind the plan: %2 was planned to end at %3 and is not done yet.</source>
        <translation>予定より %1 遅れています: %2は %3 に終わる予定でしたが、まだ完了していません。</translation>
    </message>
    <message>
        <source>On schedule. Now: %1 (planned %2).</source>
        <translation>予定どおりです。現在: %1（予定 %2）</translation>
    </message>
</context>
<context>
    <name>fs::app::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Esc or F1 closes this list.</source>
        <translation>Esc または F1 で閉じます。</translation>
    </message>
    <message>
        <source>In every page</source>
        <translation>すべての画面</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+下線の文字</translation>
    </message>
    <message>
        <source>Go to that field</source>
        <translation>その項目へ移動</translation>
    </message>
    <message>
        <source>Next / previous field; leaving a field saves it</source>
        <translation>次／前の項目へ。項目を離れると保存されます</translation>
    </message>
    <message>
        <source>In a list: open the item (in the schedule: go to the work)</source>
        <translation>一覧で: 項目を開く（スケジュールでは作業画面へ）</translation>
    </message>
    <message>
        <source>In a note: save it</source>
        <translation>メモで: 保存</translation>
    </message>
    <message>
        <source>Photos: edit the caption</source>
        <translation>写真: 説明を編集</translation>
    </message>
    <message>
        <source>Photos, undeclared lines: remove (Ctrl+Z brings back)</source>
        <translation>写真・未申告回線: 削除（Ctrl+Z で元に戻す）</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>ダイアログを閉じる</translation>
    </message>
</context>
<context>
    <name>fs::app::SurveyReviewPane</name>
    <message>
        <source>&amp;Approve</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;turn to the investigator</source>
        <translation>調査員に差戻し(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>コメントを追加(&amp;C)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>What should the investigator check or fix?</source>
        <translation>調査員に確認・修正してほしいことを書いてください</translation>
    </message>
    <message>
        <source>Comments on this item</source>
        <translation>この項目へのコメント</translation>
    </message>
    <message>
        <source>Opening %1 for review</source>
        <translation>レビューのために %1 を開く</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>action: reason</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 の読み込み</translation>
    </message>
    <message>
        <source>No survey chosen: double-click a hospital in the portfolio</source>
        <translation>調査が選ばれていません。ポートフォリオで医療機関をダブルクリックしてください</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>hospital code, name</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source> (%1, %2)</source>
        <comment>who, when</comment>
        <translation>（%1、%2）</translation>
    </message>
    <message numerus="yes">
        <source> · %n open comment(s)</source>
        <translation>
            <numerusform> · 未対応のコメント %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (dealt with)</source>
        <translation>%1（対応済み）</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1（未対応 %2）</translation>
    </message>
    <message>
        <source>Whole survey</source>
        <translation>調査全体</translation>
    </message>
    <message>
        <source>Lines (%1)</source>
        <translation>回線（%1）</translation>
    </message>
    <message>
        <source>%1 Line %2 %3</source>
        <translation>%1　回線 %2　%3</translation>
    </message>
    <message>
        <source>Terminals (%1)</source>
        <translation>端末（%1）</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>所見（%1）</translation>
    </message>
    <message>
        <source>[%1, dismissed] %2</source>
        <translation>［%1・取り下げ］%2</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>［%1］%2</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>写真（%1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>comment (author, time)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Dealt with by %1 on %2</source>
        <translation>%1 が %2 に対応済み</translation>
    </message>
    <message>
        <source>Medical institution code</source>
        <translation>医療機関コード</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>調査員</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>CAF ID</source>
        <translation>CAF ID</translation>
    </message>
    <message>
        <source>Line No.</source>
        <translation>回線No</translation>
    </message>
    <message>
        <source>Declared / found on site</source>
        <translation>申告／未申告</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途・システム名</translation>
    </message>
    <message>
        <source>Line type</source>
        <translation>回線種別</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>回線事業者</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>通信形態</translation>
    </message>
    <message>
        <source>Line terminal location (declared)</source>
        <translation>回線終端装置設置場所（申告）</translation>
    </message>
    <message>
        <source>Line terminal location (on site)</source>
        <translation>回線終端装置設置場所（現地確認）</translation>
    </message>
    <message>
        <source>EMR network reachable</source>
        <translation>電子カルテネットワークへの直通</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>Global IP</source>
        <translation>グローバルIP</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>回線</translation>
    </message>
    <message>
        <source>Device type</source>
        <translation>機器種別</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>機種名</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>ホスト名</translation>
    </message>
    <message>
        <source>Management IP</source>
        <translation>管理IPアドレス</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>接続方法</translation>
    </message>
    <message>
        <source>Firmware (read on site)</source>
        <translation>ファームウェア（現地で取得）</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>Terminal No.</source>
        <translation>端末No</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IPアドレス</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>調査状況</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推奨事項</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>撮影日時</translation>
    </message>
    <message>
        <source>Adding the comment</source>
        <translation>コメントの追加</translation>
    </message>
    <message>
        <source>Add a comment on what to fix before returning the survey.</source>
        <translation>差戻しの前に、修正してほしいことをコメントしてください。</translation>
    </message>
    <message>
        <source>Approving the survey</source>
        <translation>調査の承認</translation>
    </message>
    <message>
        <source>Returning the survey</source>
        <translation>調査の差戻し</translation>
    </message>
</context>
<context>
    <name>fs::app::SyncDialog</name>
    <message>
        <source>Choose the portal configuration file the programme office gave you.</source>
        <translation>事務局から配布されたポータル設定ファイルを選択してください。</translation>
    </message>
    <message>
        <source>This survey is open read-only: it cannot be synced.</source>
        <translation>この調査は読み取り専用で開いているため、同期できません。</translation>
    </message>
    <message>
        <source>This configuration cannot be used: %1</source>
        <translation>この設定ファイルは使用できません: %1</translation>
    </message>
    <message>
        <source>%1 with an API token</source>
        <translation>%1（API トークンで接続）</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <comment>portal URL as login</comment>
        <translation>%1（ログイン: %2）</translation>
    </message>
    <message>
        <source>&amp;API token:</source>
        <translation>API トークン(&amp;A):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>not needed: the configuration names no client certificate</source>
        <translation>不要: 設定ファイルにクライアント証明書の指定がありません</translation>
    </message>
    <message>
        <source>Portal configuration</source>
        <translation>ポータル設定ファイル</translation>
    </message>
    <message>
        <source>Portal configuration (*.json);;All files (*)</source>
        <translation>ポータル設定ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a portal configuration that can be used first.</source>
        <translation>先に、使用できるポータル設定ファイルを選択してください。</translation>
    </message>
    <message>
        <source>Enter the API token.</source>
        <translation>API トークンを入力してください。</translation>
    </message>
    <message>
        <source>Enter the password of %1.</source>
        <translation>%1 のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Enter the API token (none is remembered for today).</source>
        <translation>API トークンを入力してください（今日記憶したものはありません）。</translation>
    </message>
    <message>
        <source>Enter the password of %1 (none is remembered for today).</source>
        <translation>%1 のパスワードを入力してください（今日記憶したものはありません）。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>一時停止(&amp;U)</translation>
    </message>
    <message>
        <source>Paused: nothing more is sent until you resume.</source>
        <translation>一時停止中: 再開するまで送信しません。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Reading the portal's record…</source>
        <translation>ポータルのレコードを読み込み中…</translation>
    </message>
    <message>
        <source>Sending files…</source>
        <translation>ファイルを送信中…</translation>
    </message>
    <message>
        <source>Writing the survey's record…</source>
        <translation>調査レコードを書き込み中…</translation>
    </message>
    <message>
        <source>Checking what the portal stored…</source>
        <translation>ポータルの保存内容を確認中…</translation>
    </message>
    <message>
        <source>Reading review comments…</source>
        <translation>レビューコメントを読み込み中…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 — %2 / %3 files, %4 / %5 MB</source>
        <translation>%1 — ファイル %2 / %3 件、%4 / %5 MB</translation>
    </message>
    <message>
        <source>Created the survey's record on the portal (record %1).</source>
        <translation>ポータルに調査レコードを作成しました（レコード %1）。</translation>
    </message>
    <message>
        <source>Updated the survey's record on the portal (record %1).</source>
        <translation>ポータルの調査レコードを更新しました（レコード %1）。</translation>
    </message>
    <message>
        <source>The portal's record was already up to date (record %1).</source>
        <translation>ポータルのレコードは既に最新でした（レコード %1）。</translation>
    </message>
    <message>
        <source>Files sent: %1; already on the portal from an earlier attempt: %2.</source>
        <translation>送信したファイル: %1 件、前回の試行で送信済みだったファイル: %2 件。</translation>
    </message>
    <message>
        <source>Portal changes taken into the survey: %1; items the portal removed, removed here: %2.</source>
        <translation>ポータルから取り込んだ変更: %1 件、ポータルで削除されたためこちらでも削除した項目: %2 件。</translation>
    </message>
    <message>
        <source>Conflicts to decide: %1 (the Conflicts tab; the next sync sends your decision).</source>
        <translation>未解決の競合: %1 件（［競合］タブで決めてください。決定は次回の同期で送信されます）。</translation>
    </message>
    <message>
        <source>Conflicts to decide: none.</source>
        <translation>未解決の競合: なし。</translation>
    </message>
    <message>
        <source>New review comments: %1.</source>
        <translation>新しいレビューコメント: %1 件。</translation>
    </message>
    <message>
        <source>Synced with the portal.</source>
        <translation>ポータルと同期しました。</translation>
    </message>
    <message>
        <source>The portal could not be reached: check the network and the portal's address.</source>
        <translation>ポータルに接続できませんでした。ネットワークとポータルのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The portal did not answer in time.</source>
        <translation>ポータルから時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>The portal refused the login, the password or the API token.</source>
        <translation>ポータルがログイン名・パスワードまたは API トークンを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Nothing confirmed was lost: the unsent changes stay queued for the next sync.</source>
        <translation>確定済みの内容は失われていません。未送信の変更は次回の同期まで保持されます。</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>調査</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>病院</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>調査員</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Visit day</source>
        <translation>訪問日</translation>
    </message>
    <message>
        <source>Schedule step</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>回線</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Floor plan</source>
        <translation>平面図</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>ピン</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Scan result</source>
        <translation>診断結果</translation>
    </message>
    <message>
        <source>Backup questionnaire</source>
        <translation>バックアップ調査</translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Backup checklist item</source>
        <translation>チェックリスト</translation>
    </message>
    <message>
        <source>The list of unsent changes cannot be read.</source>
        <translation>未送信の一覧を読み込めません。</translation>
    </message>
    <message>
        <source>Unsent (?)</source>
        <translation>未送信 (?)</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>ファイル送信</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>%1 (waiting for your decision)</source>
        <comment>change (conflict)</comment>
        <translation>%1（判断待ち）</translation>
    </message>
    <message>
        <source>Unsent (%1)</source>
        <translation>未送信 (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>field label (field code)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>item: field</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <comment>item, its id: field</comment>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>The conflicts cannot be read.</source>
        <translation>競合の一覧を読み込めません。</translation>
    </message>
    <message>
        <source>Conflicts (?)</source>
        <translation>競合 (?)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>競合 (%1)</translation>
    </message>
    <message>
        <source>The review comments cannot be read.</source>
        <translation>レビューコメントを読み込めません。</translation>
    </message>
    <message>
        <source>Review comments (?)</source>
        <translation>レビューコメント (?)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>author — time</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Review comments (%1)</source>
        <translation>レビューコメント (%1)</translation>
    </message>
    <message>
        <source>FieldSurvey works this value out itself, so it cannot take the portal's value. Keep yours: the next sync sends it.</source>
        <translation>この値は FieldSurvey が自動で求めるため、ポータルの値は採用できません。自分の値を採用してください（次回の同期で送信されます）。</translation>
    </message>
    <message>
        <source>Kept your value of %1. The next sync sends it to the portal.</source>
        <translation>%1 は自分の値を採用しました。次回の同期でポータルに送信されます。</translation>
    </message>
    <message>
        <source>Took the portal's value of %1 into the survey. The next sync confirms it with the portal.</source>
        <translation>%1 はポータルの値を調査に取り込みました。次回の同期でポータルと確定します。</translation>
    </message>
</context>
<context>
    <name>fs::app::TerminalFactsDialog</name>
    <message>
        <source>&amp;Save and evaluate</source>
        <translation>保存して判定(&amp;S)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Licensed (ESU)</source>
        <translation>あり（ESU 適用）</translation>
    </message>
    <message>
        <source>Not licensed</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>不可</translation>
    </message>
    <message>
        <source>Name resolution only</source>
        <translation>一部可（名前解決のみ）</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可</translation>
    </message>
    <message>
        <source>On, definitions up to date</source>
        <translation>有効・定義ファイル最新</translation>
    </message>
    <message>
        <source>On, definitions out of date</source>
        <translation>有効・定義ファイルが古い</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>None installed</source>
        <translation>導入なし</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>閉塞</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>読み取りのみ</translation>
    </message>
    <message>
        <source>Not blocked</source>
        <translation>閉塞なし</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>The OS build is the number winver shows after &quot;OS build&quot;, e.g. 19045.6456.</source>
        <translation>OS ビルドは winver の「OS ビルド」の後の番号です（例: 19045.6456）。</translation>
    </message>
    <message>
        <source>Nothing was entered. Enter at least what winver shows.</source>
        <translation>何も入力されていません。少なくとも winver の内容を入力してください。</translation>
    </message>
</context>
<context>
    <name>fs::app::TerminalPage</name>
    <message>
        <source>Set the state of the terminal check</source>
        <translation>端末の調査状況を設定</translation>
    </message>
    <message>
        <source>Edit terminal note</source>
        <translation>端末のメモを編集</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n item(s) missing</source>
        <translation>
            <numerusform>%1 · 未完了 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminal %1　%2</source>
        <translation>端末%1　%2</translation>
    </message>
    <message>
        <source>Everything for this terminal is recorded</source>
        <translation>この端末はすべて記録済みです</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still missing</source>
        <translation>
            <numerusform>未完了 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>%1を記録</translation>
    </message>
    <message>
        <source>Add photos of terminal %1</source>
        <translation>端末%1 の写真を追加</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>画像 (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>写真を追加</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>写真を %n 枚追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>No collector file or manual entry yet.</source>
        <translation>収集結果ファイルも手入力もまだありません。</translation>
    </message>
    <message>
        <source>Entered by hand by %1 (%2).</source>
        <translation>%1 が手入力（%2）。</translation>
    </message>
    <message>
        <source>Collector file %1 from %2, imported %3.</source>
        <translation>収集結果ファイル %1（%2）、%3 に取り込み。</translation>
    </message>
    <message>
        <source> (to confirm)</source>
        <translation>（要確認）</translation>
    </message>
    <message>
        <source> — dismissed: %1</source>
        <translation> — 却下: %1</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>所見なし</translation>
    </message>
    <message>
        <source>Import the collector file of terminal %1</source>
        <translation>端末 %1 の収集結果ファイルを取り込む</translation>
    </message>
    <message>
        <source>Collector files (*.json);;All files (*)</source>
        <translation>収集結果ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import collector file</source>
        <translation>収集結果ファイルの取り込み</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was changed.</source>
        <translation>%1 は取り込みませんでした。何も変更していません。</translation>
    </message>
    <message>
        <source>%1 was collected on %2, which is terminal %3. Import it for terminal %3?</source>
        <translation>%1 は %2 で収集されたもので、端末 %3 のものです。端末 %3 に取り込みますか?</translation>
    </message>
    <message>
        <source>%1 was collected on %2, but terminal %3 is declared as %4. Import it for terminal %3 anyway?</source>
        <translation>%1 は %2 で収集されたものですが、端末 %3 のホスト名は %4 と申告されています。端末 %3 に取り込みますか?</translation>
    </message>
    <message>
        <source>Import collector file %1</source>
        <translation>収集結果ファイル %1 の取り込み</translation>
    </message>
    <message>
        <source>Terminal %1: facts entered by hand</source>
        <translation>端末 %1: 端末情報の手入力</translation>
    </message>
    <message>
        <source>manual entry</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>Enter the facts of terminal %1</source>
        <translation>端末 %1 の情報の手入力</translation>
    </message>
    <message>
        <source>Terminal %1 evaluated on %2: %3 danger, %4 caution.</source>
        <translation>端末 %1 を %2 時点で判定しました: 危険 %3 件、注意 %4 件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no terminal is declared as %2</source>
        <translation>%1: ホスト名 %2 の端末は申告されていません</translation>
    </message>
    <message numerus="yes">
        <source>Import %n collector file(s)</source>
        <translation>
            <numerusform>収集結果ファイル %n 件の取り込み</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → terminal %2</source>
        <translation>%1 → 端末 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>%n 件のファイルを取り込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>取り込まなかったファイル:</translation>
    </message>
</context>
<context>
    <name>fs::app::TimeText</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>hours and minutes</comment>
        <translation>%1%2</translation>
    </message>
</context>
</TS>
