#!/usr/bin/env python3
"""Router / UTM command-line emulator for the collection tests (standard library only).

It talks on stdin/stdout like a device console: as the ForceCommand of a test sshd (with a PTY),
behind the in-process libssh test server (on a pseudo-terminal) or behind socat on a pty for the
serial tests. It reads raw bytes, echoes what it is typed the way a device does, answers with the
device's prompts, pagers and line ends, and takes its command outputs from the shared device corpus
(shared/corpus/devices), so the bytes a client sees are the bytes real devices print.

Personalities (--personality):
  cisco    IOS: banner, "Router>", enable -> "Password: " -> "Router#", " --More-- " pager with the
           backspace erase IOS prints, "terminal length 0" for the session.
  yamaha   RTX: Shift_JIS banner, "> " prompt, CR line ends, the first command after the banner is
           dropped, "---more---" pager, output wrapped at 80 columns.
  fortios  FortiGate: optional "(Press 'a' to accept):" disclaimer, "FGT60F # " prompt, "--More-- "
           pager.
  linux    Debian 12 shell: "user@host:~$ ".
  silent   reads and logs, never writes (connect / idle timeouts).
  flood    after the first newline writes random printable lines as fast as it can (bounded-memory
           tests); exits quietly when the reader goes away.

The --log file gets one line per event, appended with a single write so that concurrent sessions do
not interleave:
  <ISO time> <pid> START personality=<p> tty=<yes|no>
  <ISO time> <pid> RECV <CR|LF|CRLF> <line as received, non-printables as \\xNN>
  <ISO time> <pid> SECRET <CR|LF|CRLF> accepted|rejected      (a password; never its value)
  <ISO time> <pid> PAGER <key>  /  KEY <key>    (pager / banner answer: SPACE, CR, LF or the byte)
  <ISO time> <pid> DROPPED <CR|LF|CRLF> <line>                (Yamaha: the swallowed first command)
  <ISO time> <pid> FORBIDDEN <command>                        (a command that changes configuration)
  <ISO time> <pid> EXEC <command>                             (SSH exec request, SSH_ORIGINAL_COMMAND)
  <ISO time> <pid> EOF | HUP | EXIT <code>
A collector under test must never make a FORBIDDEN line appear.
"""

import argparse
import datetime
import os
import random
import re
import select
import signal
import sys

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(SCRIPT_DIR, "..", "..", "..", "..", "shared", "corpus", "devices"))


class Closed(Exception):
    """The other side went away (EOF, EIO, EPIPE)."""


class Log:
    def __init__(self, path):
        self.fd = None
        if path:
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    @staticmethod
    def escape(data):
        if isinstance(data, str):
            data = data.encode("utf-8", "replace")
        out = []
        for b in data:
            if b == 0x5C:
                out.append("\\\\")
            elif 0x20 <= b < 0x7F:
                out.append(chr(b))
            else:
                out.append("\\x%02x" % b)
        return "".join(out)

    def write(self, kind, text=""):
        if self.fd is None:
            return
        stamp = datetime.datetime.now().isoformat(timespec="milliseconds")
        line = "%s %d %s%s\n" % (stamp, os.getpid(), kind, (" " + text) if text else "")
        try:
            os.write(self.fd, line.encode("utf-8", "replace"))
        except OSError:
            pass


class Terminal:
    """Raw byte I/O on fds 0/1 with device-style echo and line editing."""

    def __init__(self, log):
        self.log = log
        self.pending = bytearray()
        self.echo_buffer = bytearray()
        self.swallow_lf = False
        self.saved_mode = None
        self.is_tty = os.isatty(0)
        if self.is_tty:
            import termios
            import tty

            try:
                self.saved_mode = termios.tcgetattr(0)
                tty.setraw(0, termios.TCSANOW)
            except termios.error:
                self.saved_mode = None

    def restore(self):
        if self.saved_mode is not None:
            import termios

            try:
                termios.tcsetattr(0, termios.TCSANOW, self.saved_mode)
            except (termios.error, OSError):
                pass

    # --- output
    def write(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        view = memoryview(data)
        while len(view):
            try:
                n = os.write(1, view)
            except InterruptedError:
                continue
            except OSError as error:
                raise Closed() from error
            view = view[n:]

    def flush_echo(self):
        if self.echo_buffer:
            data = bytes(self.echo_buffer)
            self.echo_buffer.clear()
            self.write(data)

    # --- input
    def _fill(self):
        self.flush_echo()
        while True:
            try:
                data = os.read(0, 4096)
            except InterruptedError:
                continue
            except OSError as error:  # EIO: the pty master was closed
                raise Closed() from error
            if not data:
                raise Closed()
            self.pending.extend(data)
            return

    def _more_available(self):
        if self.pending:
            return True
        try:
            readable, _, _ = select.select([0], [], [], 0.02)
        except (OSError, ValueError):
            return False
        if readable:
            try:
                self._fill()
            except Closed:
                return False
        return bool(self.pending)

    def read_byte(self):
        while True:
            if not self.pending:
                self._fill()
            b = self.pending[0]
            del self.pending[0]
            if self.swallow_lf:
                self.swallow_lf = False
                if b == 0x0A:
                    continue
            return b

    def read_key(self):
        return self.read_byte()

    def read_line(self, echo=True, eol_echo=b"\r\n"):
        """Returns (bytes, eol) where eol is CR, LF or CRLF. Handles backspace, ^U and escape keys."""
        line = bytearray()
        while True:
            b = self.read_byte()
            if b == 0x0D:
                eol = "CR"
                if self._more_available() and self.pending[0] == 0x0A:
                    del self.pending[0]
                    eol = "CRLF"
                else:
                    self.swallow_lf = True
                if echo:
                    self.echo_buffer.extend(eol_echo)
                self.flush_echo()
                return bytes(line), eol
            if b == 0x0A:
                if echo:
                    self.echo_buffer.extend(eol_echo)
                self.flush_echo()
                return bytes(line), "LF"
            if b in (0x08, 0x7F):
                if line:
                    # drop a whole UTF-8 / Shift_JIS character is not attempted: devices erase bytes
                    line.pop()
                    if echo:
                        self.echo_buffer.extend(b"\b \b")
                continue
            if b == 0x15:  # ^U
                if echo and line:
                    self.echo_buffer.extend(b"\b \b" * len(line))
                line.clear()
                continue
            if b == 0x1B:  # escape sequence (arrow keys): ignore ESC [ X
                if self._more_available() and self.pending[0] in (0x5B, 0x4F):
                    del self.pending[0]
                    if self._more_available():
                        del self.pending[0]
                continue
            if b < 0x20 and b != 0x09:
                continue
            line.append(b)
            if echo:
                self.echo_buffer.append(b)


def key_name(key):
    """How the log shows a single key: SPACE, CR, LF or the escaped byte."""
    return {0x20: "SPACE", 0x0D: "CR", 0x0A: "LF"}.get(key) or Log.escape(bytes([key]))


def crlf(text):
    """Text with any line ends -> CRLF line ends."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    return text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def split_lines(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data.replace(b"\r\n", b"\n")
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def apply_filter(lines, expression):
    """IOS "| include X" style and FortiOS "| grep [-i] [-v] X" filters."""
    words = expression.strip().split(None, 1)
    if not words:
        return lines
    verb = words[0].lower()
    argument = words[1] if len(words) > 1 else ""
    flags = 0
    invert = False
    if verb == "grep":
        parts = argument.split()
        while parts and parts[0].startswith("-"):
            if "i" in parts[0]:
                flags |= re.IGNORECASE
            if "v" in parts[0]:
                invert = True
            parts.pop(0)
        argument = " ".join(parts)
        verb = "include"
    for name in ("include", "exclude", "begin"):
        if name.startswith(verb):
            try:
                pattern = re.compile(argument.encode("utf-8", "replace"), flags)
            except re.error:
                return lines
            if name == "begin":
                for index, line in enumerate(lines):
                    if pattern.search(line):
                        return lines[index:]
                return []
            keep = name == "include"
            if invert:
                keep = not keep
            return [line for line in lines if bool(pattern.search(line)) == keep]
    return lines


class Device:
    pager_prompt = b""
    pager_erase = b""
    eol_echo = b"\r\n"

    def __init__(self, terminal, log, args):
        self.t = terminal
        self.log = log
        self.args = args
        self.page_lines = args.page_lines

    # --- helpers
    def corpus(self, relative):
        path = os.path.join(self.args.corpus, relative)
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            self.log.write("ERROR", "corpus file missing: " + path)
            return ("% emulator: corpus file missing: " + path + "\n").encode("utf-8")

    def out(self, data):
        self.t.write(crlf(data))

    def paged(self, lines):
        """Writes lines with CRLF, stopping at the pager every page_lines - 1 lines."""
        if self.page_lines <= 1 or not self.pager_prompt:
            self.t.write(b"".join(line + b"\r\n" for line in lines))
            return
        index = 0
        budget = self.page_lines - 1
        while index < len(lines):
            chunk = lines[index : index + budget]
            index += len(chunk)
            self.t.write(b"".join(line + b"\r\n" for line in chunk))
            if index >= len(lines):
                return
            self.t.write(self.pager_prompt)
            key = self.t.read_key()
            self.log.write("PAGER", key_name(key))
            self.t.write(self.pager_erase)
            if key == 0x20:
                budget = self.page_lines - 1
            elif key in (0x0D, 0x0A):
                if key == 0x0D:
                    self.t.swallow_lf = True
                budget = 1
            else:
                return

    def read_password(self):
        line, eol = self.t.read_line(echo=False, eol_echo=b"\r\n")
        self.t.write(b"\r\n")
        return line, eol

    def serial_login(self):
        user, _, password = self.args.serial_login.partition(":")
        self.t.write(b"\r\n\r\nUser Access Verification\r\n\r\nUsername: ")
        while True:
            name, eol = self.t.read_line(echo=True)
            self.log.write("RECV", eol + " " + Log.escape(name))
            if not name:
                self.t.write(b"Username: ")
                continue
            self.t.write(b"Password: ")
            secret, eol = self.read_password()
            ok = name.decode("utf-8", "replace") == user and secret.decode("utf-8", "replace") == password
            self.log.write("SECRET", eol + (" accepted" if ok else " rejected"))
            if ok:
                return
            self.t.write(b"% Login invalid\r\n\r\nUsername: ")

    def run(self):
        if self.args.serial_login:
            self.serial_login()
        self.greet()
        while True:
            self.t.write(self.prompt())
            line, eol = self.t.read_line(echo=True, eol_echo=self.eol_echo)
            self.log.write("RECV", eol + " " + Log.escape(line))
            if self.handle(line.decode(self.input_encoding(), "replace").strip()) is False:
                return 0

    def run_exec(self, command):
        self.log.write("EXEC", Log.escape(command))
        self.page_lines = 0
        self.handle(command.strip())
        return 0

    def input_encoding(self):
        return "utf-8"

    def forbidden(self, command):
        self.log.write("FORBIDDEN", Log.escape(command))

    # --- per personality
    def greet(self):
        pass

    def prompt(self):
        return b""

    def handle(self, command):
        return True


CISCO_BANNER = """
*************************************************************************
*  Authorised access only. This device belongs to the hospital network. *
*  Disconnect IMMEDIATELY if you are not an authorised user.            *
*************************************************************************

"""

CISCO_RUNNING_CONFIG = """Building configuration...

Current configuration : 2143 bytes
!
! Last configuration change at 09:12:44 JST Thu Nov 20 2026
!
version 12.2
service timestamps debug datetime msec
service timestamps log datetime msec
service password-encryption
!
hostname Router
!
boot-start-marker
boot system flash bootflash:cat4500e-entservicesk9-mz.122-54.SG1.bin
boot-end-marker
!
enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0
!
username admin privilege 15 secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0
aaa new-model
!
ip domain-name hospital.example.jp
ip ssh version 2
!
crypto isakmp policy 10
 encr aes 256
 hash sha
 authentication pre-share
 group 2
crypto isakmp key emulator-psk-not-a-secret address 203.0.113.10
!
crypto ipsec transform-set TS-VENDOR esp-aes 256 esp-sha-hmac
 mode tunnel
!
crypto map VPN-VENDOR 10 ipsec-isakmp
 description remote maintenance line (vendor)
 set peer 203.0.113.10
 set transform-set TS-VENDOR
 match address ACL-VENDOR
!
interface GigabitEthernet1/1
 description LAN
 ip address 192.168.10.1 255.255.255.0
!
interface GigabitEthernet1/48
 description WAN
 ip address 198.51.100.2 255.255.255.252
 crypto map VPN-VENDOR
!
ip route 0.0.0.0 0.0.0.0 198.51.100.1
ip http server
ip http secure-server
!
ip access-list extended ACL-VENDOR
 permit ip 192.168.10.0 0.0.0.255 10.20.0.0 0.0.255.255
!
snmp-server community public RO
!
line con 0
line vty 0 4
 transport input ssh telnet
line vty 5 15
 transport input ssh
!
end
"""

CISCO_INVENTORY = """NAME: "Switch System", DESCR: "Cisco Catalyst 4500 Chassis"
PID: WS-C4948E          , VID: V04  , SN: CAT1451S15C

NAME: "Power Supply 1", DESCR: "Power Supply ( AC 300W )"
PID: PWR-C49-300AC      , VID:      , SN: DCA1446A0AB
"""

CISCO_IP_INTERFACE_BRIEF = """Interface              IP-Address      OK? Method Status                Protocol
GigabitEthernet1/1     192.168.10.1    YES NVRAM  up                    up
GigabitEthernet1/2     unassigned      YES unset  administratively down down
GigabitEthernet1/48    198.51.100.2    YES NVRAM  up                    up
"""


def keyword_match(word, keywords, min_length=1):
    """Keywords that word abbreviates (IOS-style prefix matching)."""
    word = word.lower()
    if len(word) < min_length:
        return []
    exact = [k for k in keywords if k == word]
    if exact:
        return exact
    return [k for k in keywords if k.startswith(word)]


class Cisco(Device):
    pager_prompt = b" --More-- "
    pager_erase = b"\b" * 9 + b" " * 9 + b"\b" * 9

    FIRST = [
        "enable", "disable", "exit", "quit", "logout", "terminal", "show", "configure",
        "write", "copy", "reload", "erase", "delete", "debug", "undebug", "clear", "format",
        "squeeze", "ping", "traceroute", "no",
    ]
    CHANGES = {"configure", "write", "copy", "reload", "erase", "delete", "debug", "undebug", "clear",
               "format", "squeeze", "no"}
    SHOW = ["version", "running-config", "startup-config", "inventory", "clock", "privilege", "ip",
            "interfaces", "users"]

    def __init__(self, terminal, log, args):
        super().__init__(terminal, log, args)
        self.mode = "user"

    def greet(self):
        if not self.args.serial_login:
            self.out(CISCO_BANNER)

    def prompt(self):
        return {"user": b"Router>", "priv": b"Router#", "config": b"Router(config)#"}[self.mode]

    def invalid(self, column):
        self.out(" " * (len(self.prompt()) + column) + "^\n% Invalid input detected at '^' marker.\n\n")

    def handle(self, command):
        if not command:
            return True
        if self.mode == "config":
            return self.handle_config(command)
        pipe = None
        if "|" in command:
            command, _, pipe = command.partition("|")
            command = command.strip()
        words = command.split()
        first = keyword_match(words[0], self.FIRST)
        if len(first) > 1:
            self.out('%% Ambiguous command:  "%s"\n' % command)
            return True
        if not first:
            self.invalid(0)
            return True
        verb = first[0]
        if verb in self.CHANGES:
            self.forbidden(command)
            if verb == "configure" and self.mode == "priv":
                self.out("Enter configuration commands, one per line.  End with CNTL/Z.\n")
                self.mode = "config"
            elif self.mode == "user":
                self.invalid(0)
            else:
                self.out("% Not executed: the device emulator refuses commands that change the device.\n")
            return True
        if verb in ("exit", "quit", "logout"):
            return False
        if verb == "enable":
            self.enable()
            return True
        if verb == "disable":
            self.mode = "user"
            return True
        if verb == "terminal":
            return self.terminal(words, command)
        if verb == "show":
            return self.show(words, command, pipe)
        if verb in ("ping", "traceroute"):
            self.out("% Unrecognized host or address, or protocol not running.\n\n")
            return True
        return True

    def handle_config(self, command):
        lowered = command.lower()
        if lowered in ("end", "exit"):
            self.mode = "priv"
            return True
        self.forbidden(command)
        return True

    def enable(self):
        if self.mode == "priv":
            return
        if self.args.enable_password is None:
            self.out("% No password set\n")
            return
        self.t.write(b"Password: ")
        secret, eol = self.read_password()
        ok = secret.decode("utf-8", "replace") == self.args.enable_password
        self.log.write("SECRET", eol + (" accepted" if ok else " rejected"))
        if ok:
            self.mode = "priv"
        else:
            self.out("% Access denied\n\n")

    def terminal(self, words, command):
        if len(words) < 2:
            self.out("% Incomplete command.\n\n")
            return True
        sub = keyword_match(words[1], ["length", "width", "monitor", "no"])
        if len(sub) != 1:
            self.invalid(command.index(words[1]))
            return True
        if sub[0] in ("length", "width"):
            if len(words) < 3 or not words[2].isdigit():
                self.out("% Incomplete command.\n\n")
                return True
            if sub[0] == "length":
                self.page_lines = int(words[2])
        return True

    def show(self, words, command, pipe):
        if len(words) < 2:
            self.out("% Incomplete command.\n\n")
            return True
        sub = keyword_match(words[1], self.SHOW)
        if len(sub) != 1:
            if len(sub) > 1:
                self.out('%% Ambiguous command:  "%s"\n' % command)
            else:
                self.invalid(command.index(words[1], len(words[0])))
            return True
        what = sub[0]
        if what in ("running-config", "startup-config") and self.mode == "user":
            self.invalid(command.index(words[1], len(words[0])))
            return True
        if what == "version":
            lines = split_lines(self.corpus("cisco_ios/show_version/cisco_ios_show_version.raw"))
        elif what in ("running-config", "startup-config"):
            lines = split_lines(CISCO_RUNNING_CONFIG)
        elif what == "inventory":
            lines = split_lines(CISCO_INVENTORY)
        elif what == "clock":
            lines = [datetime.datetime.now().strftime("*%H:%M:%S.000 JST %a %b %d %Y").encode()]
        elif what == "privilege":
            lines = [b"Current privilege level is %d" % (15 if self.mode != "user" else 1)]
        elif what == "users":
            lines = [b"    Line       User       Host(s)              Idle       Location",
                     b"*  2 vty 0     admin      idle                 00:00:00 127.0.0.1"]
        elif what in ("ip", "interfaces"):
            lines = split_lines(CISCO_IP_INTERFACE_BRIEF)
        else:
            lines = []
        if pipe is not None:
            lines = apply_filter(lines, pipe)
        self.paged(lines)
        return True


YAMAHA_BANNER_EN = """
RTX1200 Rev.10.01.71 (Thu Sep 29 15:08:40 2016)
  Copyright (c) 1994-2016 Yamaha Corporation. All Rights Reserved.
  To display the software copyright statement, use 'show copyright' command.
  00:a0:de:aa:bb:11, 00:a0:de:aa:bb:22, 00:a0:de:aa:bb:33
  Memory 128Mbytes, 3LAN, 1BRI
"""
YAMAHA_BANNER_JA = "前回のログイン：2026/11/20 09:12:44 (SSH 192.0.2.10)\n"

YAMAHA_CONFIG = """# RTX1200 Rev.10.01.71 (Thu Sep 29 15:08:40 2016)
# MAC Address : 00:a0:de:aa:bb:11, 00:a0:de:aa:bb:22, 00:a0:de:aa:bb:33
# Memory 128Mbytes, 3LAN, 1BRI
# main:  RTX1200 ver=c0 serial=D12345678 MAC-Address=00:a0:de:aa:bb:11 MAC-Address=00:a0:de:aa:bb:22 MAC-Address=00:a0:de:aa:bb:33
# Reporting Date: Nov 24 10:00:00 2026
login password emulator-login-not-a-secret
administrator password emulator-admin-not-a-secret
login user maint encrypted *3A5F1B2C9D0E7A6B
console character sjis
ip route default gateway pp 1
ip lan1 address 192.168.100.1/24
pp select 1
 pp always-on on
 pppoe use lan2
 pp auth accept pap chap
 pp auth myname user@isp.example.jp emulator-pp-not-a-secret
 ppp lcp mru on 1454
 ip pp mtu 1454
 pp enable 1
tunnel select 1
 ipsec tunnel 1
  ipsec sa policy 1 1 esp aes-cbc sha-hmac
  ipsec ike keepalive use 1 on
  ipsec ike local address 1 192.168.100.1
  ipsec ike pre-shared-key 1 text emulator-psk-not-a-secret
  ipsec ike remote address 1 vendor-vpn.example.jp
 ip tunnel tcp mss limit auto
 tunnel enable 1
ipsec auto refresh on
dhcp service server
dhcp scope 1 192.168.100.2-192.168.100.191/24
dns server pp 1
httpd host lan1
sshd service on
sshd host lan1
sshd host key generate *
"""

YAMAHA_CHARSETS = {"ascii": "ascii", "en.ascii": "ascii", "sjis": "sjis", "ja.sjis": "sjis",
                   "euc": "euc", "ja.euc": "euc", "ja.utf8": "utf8", "utf8": "utf8"}
YAMAHA_CONFIG_VERBS = {
    "administrator", "ip", "ipv6", "pp", "ipsec", "tunnel", "nat", "save", "login", "security",
    "sshd", "httpd", "telnetd", "sftpd", "dhcp", "dns", "syslog", "schedule", "clear", "restart",
    "cold", "set", "no", "lan", "copy", "delete", "date", "time", "timezone", "user", "ntpdate",
    "description", "provider", "ppp", "pppoe", "ike", "l2tp", "switch", "snmp", "nat", "ethernet",
    "bridge", "interface", "filter", "operation", "show_config_to_file",
}


class Yamaha(Device):
    pager_prompt = b"---more---"
    pager_erase = b"\r          \r"
    columns = 80

    def __init__(self, terminal, log, args):
        super().__init__(terminal, log, args)
        self.admin = False
        self.charset = "sjis"
        self.dropped_first = False

    def encoding(self):
        return {"sjis": "shift_jis", "euc": "euc_jp", "utf8": "utf-8", "ascii": "ascii"}[self.charset]

    def input_encoding(self):
        return "utf-8" if self.charset == "utf8" else "shift_jis"

    def text(self, english, japanese):
        """A device message in the console character set."""
        if self.charset == "ascii":
            return english.encode("ascii")
        return japanese.encode(self.encoding(), "replace")

    def wrap(self, lines):
        wrapped = []
        for line in lines:
            while len(line) > self.columns:
                wrapped.append(line[: self.columns])
                line = line[self.columns :]
            wrapped.append(line)
        return wrapped

    def greet(self):
        self.out(YAMAHA_BANNER_EN)
        self.out(YAMAHA_BANNER_JA.encode("shift_jis"))
        self.out("\n")

    def prompt(self):
        return b"# " if self.admin else b"> "

    def run(self):
        if self.args.serial_login:
            self.serial_login()
        self.greet()
        self.t.write(self.prompt())
        # Real RTX firmware swallows the first command after the banner and prints the prompt again.
        line, eol = self.t.read_line(echo=False)
        self.log.write("DROPPED", eol + " " + Log.escape(line))
        self.t.write(b"\r\n")
        while True:
            self.t.write(self.prompt())
            line, eol = self.t.read_line(echo=True)
            self.log.write("RECV", eol + " " + Log.escape(line))
            if self.handle(line.decode(self.input_encoding(), "replace").strip()) is False:
                return 0

    def error_unknown(self):
        self.out(self.text("Error: Invalid command name\n", "エラー: コマンド名を確認してください\n"))

    def handle(self, command):
        if not command:
            return True
        words = command.split()
        verb = words[0].lower()
        if verb in ("exit", "quit"):
            if self.admin:
                self.admin = False
                return True
            return False
        if verb == "show":
            return self.show(words)
        if verb == "console" and len(words) >= 2:
            what = words[1].lower()
            if what == "character" and len(words) >= 3 and words[2].lower() in YAMAHA_CHARSETS:
                self.charset = YAMAHA_CHARSETS[words[2].lower()]
                return True
            self.forbidden(command)
            if what == "lines" and len(words) >= 3:
                if words[2].lower() == "infinity":
                    self.page_lines = 0
                elif words[2].isdigit():
                    self.page_lines = int(words[2])
            elif what == "columns" and len(words) >= 3 and words[2].isdigit():
                self.columns = max(20, int(words[2]))
            return True
        if verb == "administrator":
            self.forbidden(command)
            self.t.write(b"Password: ")
            secret, eol = self.read_password()
            ok = self.args.enable_password is not None and secret.decode("utf-8", "replace") == self.args.enable_password
            self.log.write("SECRET", eol + (" accepted" if ok else " rejected"))
            if ok:
                self.admin = True
            else:
                self.out(self.text("Error: Password is incorrect\n", "エラー: パスワードが違います\n"))
            return True
        if verb in YAMAHA_CONFIG_VERBS or self.admin:
            self.forbidden(command)
            if not self.admin:
                self.error_unknown()
            return True
        self.error_unknown()
        return True

    def show(self, words):
        what = " ".join(w.lower() for w in words[1:])
        if what == "environment":
            lines = split_lines(self.corpus("yamaha/show_environment/yamaha_show_environment.raw"))
        elif what in ("config", "running-config"):
            lines = split_lines(YAMAHA_CONFIG)
        elif what == "status boot":
            lines = split_lines("Running: Mon Nov 24 10:00:00 2026\nPrevious EXEC: Mon Nov 17 08:00:00 2026\n")
        else:
            self.error_unknown()
            return True
        self.paged(self.wrap(lines))
        return True


FORTI_DISCLAIMER = """
                         ====== NOTICE ======
This system is the property of the hospital. Access is restricted to authorised
personnel. All activity on this device is logged and monitored.
(Press 'a' to accept):"""

FORTI_PHASE1 = """config vpn ipsec phase1-interface
    edit "to-hq"
        set interface "wan1"
        set peertype any
        set net-device disable
        set proposal aes256-sha256 aes128-sha1
        set dpd on-idle
        set remote-gw 203.0.113.20
        set psksecret ENC emulatorEncryptedValueNotASecret==
    next
    edit "vendor-maint"
        set interface "wan1"
        set ike-version 2
        set peertype any
        set net-device disable
        set proposal aes256-sha256
        set remote-gw 198.51.100.77
        set psksecret ENC emulatorEncryptedValueNotASecret==
    next
end
"""

FORTI_SSL_SETTINGS = """config vpn ssl settings
    set status enable
    set servercert "Fortinet_Factory"
    set tunnel-ip-pools "SSLVPN_TUNNEL_ADDR1"
    set port 10443
    set source-interface "wan1"
    set source-address "all"
    set default-portal "full-access"
end
"""

FORTI_HARDWARE = """Model name: FortiGate-60F
ASIC version: SOC4
CPU: ARMv8
Number of CPUs: 4
RAM: 1828 MB
EMMC: 3688 MB(MLC) /dev/mmcblk0
Hard disk: not available
USB Flash: not available
Network Card chipset: FortiASIC NP6XLITE Adapter (rev.)
"""

FORTI_FORBIDDEN_VERBS = {"config", "set", "unset", "edit", "next", "end", "abort", "delete", "purge",
                         "execute", "append", "select", "unselect", "clear", "rename", "move"}


class FortiOS(Device):
    pager_prompt = b"--More-- "
    pager_erase = b"\r         \r"
    eol_echo = b"\r\r\n"

    def __init__(self, terminal, log, args):
        super().__init__(terminal, log, args)
        self.contexts = []

    def greet(self):
        if not self.args.banner_accept:
            return
        self.out(FORTI_DISCLAIMER)
        while True:
            key = self.t.read_key()
            self.log.write("KEY", key_name(key))
            if key in (0x61, 0x41):
                self.t.write(b"a\r\n")
                return
            if key in (0x0D, 0x0A):
                continue
            self.t.write(b"\r\n")
            raise Closed()

    def prompt(self):
        if self.contexts:
            return ("FGT60F (%s) # " % self.contexts[-1]).encode()
        return b"FGT60F # "

    def unknown(self):
        self.out("Unknown action 0\nCommand fail. Return code -61\n\n")

    def handle(self, command):
        if not command:
            return True
        pipe = None
        if "|" in command:
            command, _, pipe = command.partition("|")
            command = command.strip()
        words = command.split()
        verb = words[0].lower()
        if verb in FORTI_FORBIDDEN_VERBS:
            self.forbidden(command)
            if verb == "config" and len(words) >= 2:
                self.contexts.append(words[-1])
            elif verb in ("end", "abort") and self.contexts:
                self.contexts.pop()
            elif verb == "set" and [w.lower() for w in words[1:3]] == ["output", "standard"]:
                self.page_lines = 0
            self.out("\n")
            return True
        if verb == "exit":
            if self.contexts:
                self.contexts.pop()
                return True
            return False
        lowered = " ".join(w.lower() for w in words)
        if lowered == "get system status":
            lines = split_lines(self.corpus("fortinet/get_system_status/fortinet_get_system_status_7.0.raw"))
        elif lowered == "get hardware status":
            lines = split_lines(FORTI_HARDWARE)
        elif lowered == "show vpn ipsec phase1-interface":
            lines = split_lines(FORTI_PHASE1)
        elif lowered == "show vpn ssl settings":
            lines = split_lines(FORTI_SSL_SETTINGS)
        else:
            self.unknown()
            return True
        if pipe is not None:
            lines = apply_filter(lines, pipe)
        self.paged(lines)
        self.out("\n")
        return True


LINUX_OS_RELEASE = """PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
"""


class Linux(Device):
    def prompt(self):
        return b"user@host:~$ "

    def greet(self):
        self.out("Linux host 6.1.0-26-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30) x86_64\n\n"
                 "Last login: Thu Nov 20 09:12:44 2026 from 192.0.2.10\n")

    def handle(self, command):
        if not command:
            return True
        if command in ("exit", "logout"):
            return False
        outputs = {
            "uname -a": "Linux host 6.1.0-26-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30) x86_64 GNU/Linux\n",
            "uname -r": "6.1.0-26-amd64\n",
            "hostname": "host\n",
            "whoami": "user\n",
            "id": "uid=1000(user) gid=1000(user) groups=1000(user),27(sudo)\n",
            "uptime": " 10:00:00 up 12 days,  3:04,  1 user,  load average: 0.00, 0.01, 0.05\n",
            "cat /etc/os-release": LINUX_OS_RELEASE,
            "cat /etc/debian_version": "12.7\n",
        }
        if command in outputs:
            self.out(outputs[command])
        elif command in ("sudo dmidecode -t system", "dmidecode -t system"):
            self.out(self.corpus("linux/dmidecode_-t_system/linux_dmidecode_-t_system.raw"))
        elif command in ("sudo dmidecode -t bios", "dmidecode -t bios"):
            self.out(self.corpus("linux/dmidecode_-t_bios/linux_dmidecode_-t_bios.raw"))
        else:
            self.out("-bash: %s: command not found\n" % command.split()[0])
        return True


class Silent(Device):
    def run(self):
        while True:
            line, eol = self.t.read_line(echo=False)
            self.log.write("RECV", eol + " " + Log.escape(line))

    def run_exec(self, command):
        self.log.write("EXEC", Log.escape(command))
        return self.run()


class Flood(Device):
    PRINTABLE = bytes(range(0x21, 0x7F))

    def blocks(self):
        table = bytes(self.PRINTABLE[i % len(self.PRINTABLE)] for i in range(256))
        rng = random.Random()
        result = []
        for _ in range(8):
            raw = os.urandom(65536).translate(table)
            parts = []
            position = 0
            while position < len(raw):
                length = rng.randint(20, 120)
                parts.append(raw[position : position + length])
                position += length
            result.append(b"\r\n".join(parts) + b"\r\n")
        return result

    def run(self):
        line, eol = self.t.read_line(echo=False)
        self.log.write("RECV", eol + " " + Log.escape(line))
        blocks = self.blocks()
        index = 0
        while True:
            self.t.write(blocks[index])
            index = (index + 1) % len(blocks)

    def run_exec(self, command):
        self.log.write("EXEC", Log.escape(command))
        blocks = self.blocks()
        while True:
            for block in blocks:
                self.t.write(block)


PERSONALITIES = {"cisco": Cisco, "yamaha": Yamaha, "fortios": FortiOS, "linux": Linux,
                 "silent": Silent, "flood": Flood}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Router / UTM CLI emulator for tests (stdin/stdout).")
    parser.add_argument("--personality", choices=sorted(PERSONALITIES), default="cisco")
    parser.add_argument("--log", help="append one line per received line / event to this file")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="shared/corpus/devices")
    parser.add_argument("--serial-login", metavar="USER:PASS", help="console login before the prompt")
    parser.add_argument("--enable-password", metavar="PASS", help="enable (Cisco) / administrator (Yamaha)")
    parser.add_argument("--page-lines", type=int, default=24, metavar="N", help="0 = no pager")
    parser.add_argument("--banner-accept", action="store_true", help="FortiOS post-login disclaimer")
    return parser.parse_args(argv)


def main(argv):
    args = parse_arguments(argv)
    log = Log(args.log)

    def quit_quietly(signum, _frame):
        log.write("HUP" if signum == signal.SIGHUP else "SIGNAL %d" % signum)
        os._exit(0)

    signal.signal(signal.SIGHUP, quit_quietly)
    signal.signal(signal.SIGTERM, quit_quietly)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # a write to a closed pipe ends the process silently

    terminal = Terminal(log)
    log.write("START", "personality=%s tty=%s" % (args.personality, "yes" if terminal.is_tty else "no"))
    device = PERSONALITIES[args.personality](terminal, log, args)
    code = 0
    try:
        original = os.environ.get("SSH_ORIGINAL_COMMAND")
        if original is not None and args.personality == "yamaha":
            # RTX has no exec channel: "exec request failed on channel 0".
            log.write("EXEC", "refused " + Log.escape(original))
            sys.stderr.write("exec request failed on channel 0\n")
            code = 1
        elif original is not None:
            code = device.run_exec(original)
        else:
            code = device.run()
    except Closed:
        log.write("EOF")
    except KeyboardInterrupt:
        pass
    finally:
        try:
            terminal.flush_echo()
        except Closed:
            pass
        terminal.restore()
    log.write("EXIT", str(code))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
