//! The core constant groups against the reference implementation: every `AF_*`, `PF_*`,
//! `SOCK_*`, `SO_*`, `SOL_*`, `SCM_*`, `MSG_*`, `SHUT_*` and `SOMAXCONN` name that Python's
//! `socket` module has on this machine must exist in `sock::consts` with the same value.
//!
//! Names of these prefixes that belong to a family crate (`SO_J1939_*`, `SOL_CAN_*`,
//! `SCM_J1939_*`, `SO_VM_*`, `SOL_ALG`, `SOL_RDS`, `SOL_TIPC`) are checked by the facade-wide
//! test once those crates export them; here they are listed and compared when present.

use std::collections::BTreeMap;

const SCRIPT: &str = r#"
import re, socket
for n in sorted(dir(socket)):
    if re.match(r"^(AF|PF|SOCK|SO|SOL|SCM|MSG|SHUT)_|^SOMAXCONN$", n):
        v = getattr(socket, n)
        if isinstance(v, int):
            print(n, int(v))
"#;

fn core_table() -> BTreeMap<&'static str, i64> {
    use sock::consts::*;
    macro_rules! table {
        ($($name:ident)*) => { BTreeMap::from([$((stringify!($name), $name as i64),)*]) };
    }
    table!(
        AF_UNSPEC AF_UNIX AF_INET AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE AF_ATMPVC AF_X25 AF_INET6
        AF_ROSE AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY AF_NETLINK AF_ROUTE AF_PACKET AF_ASH AF_ECONET
        AF_ATMSVC AF_RDS AF_SNA AF_IRDA AF_PPPOX AF_WANPIPE AF_LLC AF_CAN AF_TIPC AF_BLUETOOTH AF_ALG
        AF_VSOCK AF_QIPCRTR PF_CAN PF_PACKET PF_RDS
        SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM SOCK_SEQPACKET SOCK_CLOEXEC SOCK_NONBLOCK SOMAXCONN
        SOL_SOCKET SOL_IP SOL_TCP SOL_UDP
        SO_DEBUG SO_REUSEADDR SO_TYPE SO_ERROR SO_DONTROUTE SO_BROADCAST SO_SNDBUF SO_RCVBUF SO_KEEPALIVE
        SO_OOBINLINE SO_PRIORITY SO_LINGER SO_REUSEPORT SO_PASSCRED SO_PEERCRED SO_RCVLOWAT SO_SNDLOWAT
        SO_RCVTIMEO SO_SNDTIMEO SO_BINDTODEVICE SO_ACCEPTCONN SO_PEERSEC SO_PASSSEC SO_MARK SO_PROTOCOL
        SO_DOMAIN SO_INCOMING_CPU SO_TIMESTAMP SO_TIMESTAMPNS SO_BINDTOIFINDEX
        SCM_RIGHTS SCM_CREDENTIALS
        MSG_OOB MSG_PEEK MSG_DONTROUTE MSG_CTRUNC MSG_TRUNC MSG_DONTWAIT MSG_EOR MSG_WAITALL MSG_CONFIRM
        MSG_ERRQUEUE MSG_NOSIGNAL MSG_MORE MSG_FASTOPEN MSG_CMSG_CLOEXEC
        SHUT_RD SHUT_WR SHUT_RDWR
    )
}

/// Prefixes within these groups that family crates own.
const FAMILY_OWNED: &[&str] = &["SO_J1939_", "SOL_CAN_", "SCM_J1939_", "SO_VM_", "SOL_ALG", "SOL_RDS", "SOL_TIPC"];

#[test]
fn core_constants_match_python() {
    if !sock_tests::require("python3 as the reference implementation", sock_tests::have_program("python3")) {
        return;
    }
    let ours = core_table();
    let mut missing = Vec::new();
    let mut compared = 0;
    for line in sock_tests::python(SCRIPT, &[]).lines() {
        let (name, value) = line.split_once(' ').expect("name value");
        let value: i64 = value.parse().expect("integer");
        match ours.get(name) {
            Some(&v) => {
                assert_eq!(v, value, "{name}: ours {v}, Python {value}");
                compared += 1;
            }
            None if FAMILY_OWNED.iter().any(|p| name.starts_with(p)) => {}
            None => missing.push(name.to_owned()),
        }
    }
    assert!(missing.is_empty(), "core constants missing from sock::consts: {missing:?}");
    assert!(compared > 80, "compared only {compared} names");
}
