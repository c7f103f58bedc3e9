//! Bounded fuzzing of every decoder and text form of the workspace, kept in the repository.
//!
//! **Tool choice.** These are [`proptest`] properties, not `cargo fuzz` targets: `cargo fuzz`
//! (libFuzzer) needs a nightly toolchain and sanitizer support, while this workspace builds on
//! stable Rust only. proptest runs under `cargo test` everywhere, shrinks a failing input to a
//! small one, and mixes unstructured inputs (arbitrary bytes, arbitrary strings) with
//! structured generators (text shaped like each family's form, buffers built by the encoders
//! and then cut or mutated), which reaches deeper than random bytes alone.
//!
//! **Properties.** No decoder or parser panics on any input; a parse that fails on text is
//! `InvalidInput` (bad input from the caller, see DESIGN.md); where a decode or a parse
//! succeeds, `Display` then `FromStr` gives back an equal value, and where an encoder exists,
//! encode then decode does too.
//!
//! **Budget.** Each property runs `SOCK_FUZZ_CASES` cases (default 256, so that `cargo test`
//! stays fast). `cargo xtask ci` has a "fuzz (bounded)" step that runs this file in release
//! mode with a larger count. A failure prints the shrunk input (failure persistence is off: add
//! a shrunk input found this way as a plain unit test next to the code it breaks).
//!
//! **Bugs it found** (issue 13, each fixed with a regression test next to its code): CAN frames
//! whose text did not round-trip (flag nibbles, invalid `len` bytes, XL flags, error-frame ids,
//! bytes past `len`), 108-byte UNIX pathnames, AF_ALG types with `:`, netlink attribute walks
//! that overflowed, and IP_PKTINFO items with a negative ifindex that did not re-encode.
//!
//! Nothing here opens a socket except through the decoders themselves (CAN and packet address
//! decoding look an interface index up with `if_indextoname`); nothing leaves the machine.

#![allow(clippy::unwrap_used)]

use std::fmt::{Debug, Display};
use std::io;
use std::net::SocketAddr;
use std::str::FromStr;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use sock_core::cmsg::{Cmsg, CmsgIter, CmsgWriter};
use sock_core::{Protocol, SockAddr, SOCKADDR_MAX};

/// Cases per property: `SOCK_FUZZ_CASES`, else 256.
fn cases() -> u32 {
    std::env::var("SOCK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), max_shrink_iters: 2048, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// Shared property helpers
// ---------------------------------------------------------------------------------------------

/// `value` printed and parsed back is equal to `value`.
fn text_round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let text = value.to_string();
    match text.parse::<T>() {
        Ok(back) => prop_assert_eq!(&back, value, "printed as {:?}", text),
        Err(e) => return Err(TestCaseError::fail(format!("{value:?} printed as {text:?} does not parse: {e:?}"))),
    }
    Ok(())
}

/// Parses `text` as `T`: never a panic; a failure is `InvalidInput`; a success round-trips.
fn parse_checked<T>(text: &str) -> Result<Option<T>, TestCaseError>
where
    T: FromStr<Err = io::Error> + Display + PartialEq + Debug,
{
    match text.parse::<T>() {
        Ok(v) => {
            text_round_trip(&v)?;
            Ok(Some(v))
        }
        Err(e) => {
            prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{:?} -> {}", text, e);
            Ok(None)
        }
    }
}

/// Any text: printable ASCII heavy, with some arbitrary Unicode and control bytes.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ -~]{0,48}",
        1 => any::<String>(),
        1 => "[\\x00-\\x7f]{0,48}",
    ]
}

/// The bytes of a raw address whose `sa_family` is mostly `family` (sometimes any family),
/// of every length a `sockaddr_storage` holds.
fn sockaddr_of(family: i32) -> impl Strategy<Value = SockAddr> {
    let fam = prop_oneof![8 => Just(family as u16), 1 => any::<u16>()];
    (fam, vec(any::<u8>(), 0..=SOCKADDR_MAX - 2)).prop_map(|(f, data)| SockAddr::new(f, &data).unwrap())
}

/// Entirely arbitrary raw addresses (including ones shorter than `sa_family`).
fn any_sockaddr() -> impl Strategy<Value = SockAddr> {
    vec(any::<u8>(), 0..=SOCKADDR_MAX).prop_map(|b| SockAddr::from_bytes(&b).unwrap())
}

fn dec() -> impl Strategy<Value = String> {
    prop_oneof![any::<u32>().prop_map(|n| n.to_string()), "[0-9]{0,12}", "-?[0-9]{1,3}"]
}

fn hex_or_dec() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u64>().prop_map(|n| format!("0x{n:x}")),
        any::<u32>().prop_map(|n| format!("0X{n:X}")),
        dec(),
        "0x[0-9a-fA-F]{0,18}",
    ]
}

fn ifname_text() -> impl Strategy<Value = String> {
    prop_oneof!["", "[a-z][a-z0-9]{0,16}", "#[0-9]{0,11}", "[a-z0-9#.:/ ]{0,17}"]
}

// ---------------------------------------------------------------------------------------------
// sock-core: SockAddr, cmsg, Interface
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sockaddr_from_bytes_bounds(bytes in vec(any::<u8>(), 0..=SOCKADDR_MAX + 16)) {
        match SockAddr::from_bytes(&bytes) {
            Ok(a) => {
                prop_assert!(bytes.len() <= SOCKADDR_MAX);
                prop_assert_eq!(a.as_bytes(), &bytes[..]);
                prop_assert_eq!(a.data(), bytes.get(2..).unwrap_or(&[]));
                let _ = a.as_socket();
                let _ = a.unix_path_bytes();
                let _ = format!("{a:?}");
            }
            Err(e) => {
                prop_assert!(bytes.len() > SOCKADDR_MAX);
                prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            }
        }
    }

    /// The parser never reads past the buffer, ends, and reports one truncated item at most
    /// (the last).
    #[test]
    fn cmsg_iter_any_bytes(bytes in vec(any::<u8>(), 0..512)) {
        let items: Vec<Cmsg<'_>> = CmsgIter::new(&bytes).take(bytes.len() + 1).collect();
        prop_assert!(items.len() <= bytes.len() / 16 + 1);
        for (i, c) in items.iter().enumerate() {
            prop_assert!(c.data.len() <= bytes.len());
            if c.truncated {
                prop_assert_eq!(i, items.len() - 1, "nothing follows a truncated item");
            }
            decode_every_cmsg(c);
        }
        decode_every_control(&bytes);
    }

    /// Items written by `CmsgWriter` come back equal, in order; a buffer cut anywhere gives back
    /// a prefix of them, the last possibly marked truncated with a prefix of its data.
    #[test]
    fn cmsg_write_parse_cut(items in vec(cmsg_item(), 0..8), cut in any::<prop::sample::Index>()) {
        let mut buf = vec![0u8; 4096];
        let mut w = CmsgWriter::new(&mut buf);
        for (level, ty, data) in &items {
            w.push(*level, *ty, data).unwrap();
        }
        let len = w.len();
        let parsed: Vec<_> = CmsgIter::new(&buf[..len]).collect();
        prop_assert_eq!(parsed.len(), items.len());
        for (c, (level, ty, data)) in parsed.iter().zip(&items) {
            prop_assert_eq!((c.level, c.ty, c.data, c.truncated), (*level, *ty, &data[..], false));
            decode_every_cmsg(c);
        }
        decode_every_control(&buf[..len]);

        let at = if len == 0 { 0 } else { cut.index(len + 1) };
        let cut_items: Vec<_> = CmsgIter::new(&buf[..at]).collect();
        prop_assert!(cut_items.len() <= items.len());
        for (i, (c, (level, ty, data))) in cut_items.iter().zip(&items).enumerate() {
            prop_assert_eq!((c.level, c.ty), (*level, *ty));
            if c.truncated {
                prop_assert_eq!(i, cut_items.len() - 1);
                prop_assert!(data.starts_with(c.data));
            } else {
                prop_assert_eq!(c.data, &data[..]);
            }
            decode_every_cmsg(c);
        }
        decode_every_control(&buf[..at]);
    }

    #[test]
    fn interface_and_ifname_text(text in prop_oneof![ifname_text(), any_text()]) {
        parse_checked::<sock_core::Interface>(&text)?;
        if let Ok(n) = text.parse::<sock_core::IfName>() {
            text_round_trip(&n)?;
        }
    }
}

/// Control-message items at the levels the typed decoders look at.
fn cmsg_item() -> impl Strategy<Value = (i32, i32, Vec<u8>)> {
    let level = prop_oneof![
        Just(libc::SOL_SOCKET),
        Just(libc::IPPROTO_IP),
        Just(libc::IPPROTO_IPV6),
        Just(libc::IPPROTO_UDP),
        Just(libc::SOL_ALG),
        Just(libc::SOL_TIPC),
        Just(sock_bt::SOL_HCI),
        Just(libc::SOL_CAN_J1939),
        any::<i32>(),
    ];
    (level, prop_oneof![0i32..80, any::<i32>()], vec(any::<u8>(), 0..80))
}

/// Runs every typed decoder of one control item (never SCM_RIGHTS, which would adopt fds).
/// Where a decoder has an encoder, the decoded value re-encodes to an item that decodes equal.
fn decode_every_cmsg(c: &Cmsg<'_>) {
    let _ = c.value::<u64>();
    if let Some(item) = sock_inet::InetCmsg::decode(c) {
        let mut buf = [0u8; 256];
        let mut w = CmsgWriter::new(&mut buf);
        item.encode(&mut w).expect("a decoded InetCmsg re-encodes");
        let n = w.len();
        let back = CmsgIter::new(&buf[..n]).next().and_then(|c| sock_inet::InetCmsg::decode(&c));
        assert_eq!(back, Some(item), "InetCmsg re-encode round trip");
    }
    let _ = sock_unix::Credentials::from_cmsg(c);
    let _ = sock_bt::HciAncillary::decode(c);
    let _ = sock_tipc::TipcAncillary::decode(c);
    if let Some(item) = sock_alg::AlgCmsg::parse(c) {
        let mut buf = vec![0u8; 4096];
        let mut w = CmsgWriter::new(&mut buf);
        item.write_to(&mut w).expect("a parsed AlgCmsg re-encodes");
        let n = w.len();
        let back = CmsgIter::new(&buf[..n]).next();
        assert_eq!(back.as_ref().and_then(sock_alg::AlgCmsg::parse), Some(item), "AlgCmsg round trip");
    }
}

/// Runs every decoder that takes a whole control buffer.
fn decode_every_control(control: &[u8]) {
    let _ = sock_inet::InetCmsg::parse(control).count();
    let _ = sock_inet::gro_segment_size(control);
    let _ = sock_can::J1939Report::parse(control);
}

// ---------------------------------------------------------------------------------------------
// Address families: raw decode and text forms
// ---------------------------------------------------------------------------------------------

/// An inet address compared the way its text form can carry it (no flow label).
fn without_flowinfo(a: SocketAddr) -> SocketAddr {
    match a {
        SocketAddr::V6(mut v6) => {
            v6.set_flowinfo(0);
            SocketAddr::V6(v6)
        }
        v4 => v4,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn inet_decode(raw in prop_oneof![sockaddr_of(libc::AF_INET), sockaddr_of(libc::AF_INET6)]) {
        match sock_inet::decode(&raw) {
            Ok(a) => {
                prop_assert_eq!(sock_inet::decode(&SockAddr::from(a)).unwrap(), a);
                let plain = without_flowinfo(a);
                prop_assert_eq!(plain.to_string().parse::<SocketAddr>().unwrap(), plain);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn inet_text(text in prop_oneof![
        any_text(),
        "\\[?[0-9a-fA-F:.%]{0,40}\\]?(:[0-9]{0,6})?",
        "[0-9]{1,4}(\\.[0-9]{1,4}){0,4}",
    ]) {
        if let Ok(a) = text.parse::<SocketAddr>() {
            text_round_trip(&a)?;
        }
        let _ = sock_inet::inet_aton(&text);
        for family in [libc::AF_INET, libc::AF_INET6] {
            if let Ok(packed) = sock_inet::inet_pton(family, &text) {
                let printed = sock_inet::inet_ntop(family, &packed).unwrap();
                prop_assert_eq!(sock_inet::inet_pton(family, &printed).unwrap(), packed);
            }
        }
    }

    #[test]
    fn inet_packed(bytes in vec(any::<u8>(), 0..20), family in prop_oneof![Just(libc::AF_INET), Just(libc::AF_INET6), any::<i32>()]) {
        if let Ok(text) = sock_inet::inet_ntop(family, &bytes) {
            prop_assert_eq!(sock_inet::inet_pton(family, &text).unwrap(), bytes.clone());
        }
        if let Ok(text) = sock_inet::inet_ntoa(&bytes) {
            prop_assert_eq!(&sock_inet::inet_aton(&text).unwrap()[..], &bytes[..]);
        }
    }

    #[test]
    fn unix_decode(raw in sockaddr_of(libc::AF_UNIX)) {
        match <sock_unix::UnixAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_unix::UnixAddr::try_from(&SockAddr::from(&a)).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn unix_text(text in prop_oneof![any_text(), r"@?([a-z/.]|\\\\|\\x[0-9a-fA-F]{0,3}|\\[a-z]){0,40}"]) {
        parse_checked::<sock_unix::UnixAddr>(&text)?;
    }

    #[test]
    fn can_decode(raw in sockaddr_of(libc::AF_CAN), protocol in prop_oneof![0i32..10, any::<i32>()]) {
        match sock_can::AnyCanAddr::decode_with(&raw, Protocol(protocol)) {
            Ok(sock_can::AnyCanAddr::Can(a)) => text_round_trip(&a)?,
            Ok(sock_can::AnyCanAddr::IsoTp(a)) => text_round_trip(&a)?,
            Ok(sock_can::AnyCanAddr::J1939(a)) => text_round_trip(&a)?,
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
        for d in [
            <sock_can::CanAddr as sock_core::FamilyAddr>::decode(&raw).map(|_| ()),
            <sock_can::IsoTpAddr as sock_core::FamilyAddr>::decode(&raw).map(|_| ()),
            <sock_can::J1939Addr as sock_core::FamilyAddr>::decode(&raw).map(|_| ()),
        ] {
            if let Err(e) = d {
                prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            }
        }
    }

    #[test]
    fn can_addr_text(
        text in any_text(),
        iface in ifname_text(),
        n in vec(hex_or_dec(), 3),
    ) {
        parse_checked::<sock_can::CanAddr>(&text)?;
        parse_checked::<sock_can::IsoTpAddr>(&text)?;
        parse_checked::<sock_can::J1939Addr>(&text)?;
        parse_checked::<sock_can::CanAddr>(&iface)?;
        parse_checked::<sock_can::IsoTpAddr>(&format!("{iface}:{}:{}", n[0], n[1]))?;
        parse_checked::<sock_can::J1939Addr>(&format!("{iface}:{}:{}:{}", n[0], n[1], n[2]))?;
    }

    #[test]
    fn packet_decode(raw in sockaddr_of(libc::AF_PACKET)) {
        match <sock_packet::PacketAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                let again = sock_packet::PacketAddr::try_from(&sock_core::FamilyAddr::encode(&a).unwrap()).unwrap();
                prop_assert_eq!(again, a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn packet_text(
        text in any_text(),
        iface in ifname_text(),
        proto in hex_or_dec(),
        pkttype in prop_oneof![
            Just("host".to_string()), Just("broadcast".to_string()), Just("multicast".to_string()),
            Just("otherhost".to_string()), Just("outgoing".to_string()), Just("loopback".to_string()),
            Just("user".to_string()), Just("kernel".to_string()), dec(), "[a-z]{0,9}",
        ],
        hatype in dec(),
        hw in "([0-9a-fA-F]{1,3}:){0,34}[0-9a-fA-F]{0,2}",
        parts in 2usize..=5,
    ) {
        parse_checked::<sock_packet::PacketAddr>(&text)?;
        parse_checked::<sock_packet::HwAddr>(&text)?;
        parse_checked::<sock_packet::HwAddr>(&hw)?;
        let fields = [iface, proto, pkttype, hatype, hw];
        parse_checked::<sock_packet::PacketAddr>(&fields[..parts].join("/"))?;
    }

    #[test]
    fn alg_decode(raw in sockaddr_of(libc::AF_ALG)) {
        match <sock_alg::AlgAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_alg::AlgAddr::try_from(&SockAddr::from(&a)).unwrap(), a);
            }
            // Documented: a type or name that is not UTF-8 is `InvalidData`.
            Err(e) => prop_assert!(
                matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData),
                "{:?}", e
            ),
        }
    }

    #[test]
    fn alg_text(
        text in any_text(),
        ty in "[a-z]{0,15}",
        name in "[a-z0-9()\\-:,]{0,70}",
        feat in hex_or_dec(),
        mask in hex_or_dec(),
        parts in 1usize..=4,
    ) {
        parse_checked::<sock_alg::AlgAddr>(&text)?;
        let fields = [ty, name, feat, mask];
        parse_checked::<sock_alg::AlgAddr>(&fields[..parts].join(":"))?;
    }

    #[test]
    fn vsock_decode(raw in sockaddr_of(libc::AF_VSOCK)) {
        match <sock_vsock::VsockAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_vsock::VsockAddr::try_from(&SockAddr::from(a)).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn vsock_text(text in any_text(), cid in dec(), port in dec()) {
        parse_checked::<sock_vsock::VsockAddr>(&text)?;
        parse_checked::<sock_vsock::VsockAddr>(&format!("{cid}:{port}"))?;
    }

    #[test]
    fn bt_decode(raw in sockaddr_of(libc::AF_BLUETOOTH), protocol in prop_oneof![0i32..8, any::<i32>()]) {
        use sock_core::FamilyAddr;
        match sock_bt::BtAddr::decode_with(&raw, Protocol(protocol)) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_bt::BtAddr::decode_with(&a.encode().unwrap(), a.protocol()).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
        fn each<A: FamilyAddr + PartialEq>(raw: &SockAddr) -> Result<(), TestCaseError> {
            match A::decode(raw) {
                Ok(a) => {
                    text_round_trip(&a)?;
                    prop_assert_eq!(A::decode(&a.encode().unwrap()).unwrap(), a);
                }
                Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
            }
            Ok(())
        }
        each::<sock_bt::L2capAddr>(&raw)?;
        each::<sock_bt::RfcommAddr>(&raw)?;
        each::<sock_bt::HciAddr>(&raw)?;
        each::<sock_bt::ScoAddr>(&raw)?;
    }

    #[test]
    fn bt_text(
        text in any_text(),
        bd in "([0-9a-fA-F]{0,3}:){5}[0-9a-fA-F]{0,3}",
        n in vec(prop_oneof![dec(), hex_or_dec()], 2),
        le in prop_oneof![Just("le-public".to_string()), Just("le-random".to_string()), dec()],
        dev in prop_oneof![Just("none".to_string()), dec().prop_map(|d| format!("hci{d}")), "[a-z]{0,5}[0-9]{0,3}"],
        chan in prop_oneof![Just("user"), Just("monitor"), Just("control"), Just("logging"), Just("7"), Just("70000"), Just("x")],
        proto in prop_oneof![Just("l2cap"), Just("rfcomm"), Just("hci"), Just("sco"), Just("x")],
    ) {
        parse_checked::<sock_bt::BdAddr>(&text)?;
        parse_checked::<sock_bt::BdAddr>(&bd)?;
        parse_checked::<sock_bt::ScoAddr>(&bd)?;
        parse_checked::<sock_bt::BtAddr>(&text)?;
        parse_checked::<sock_bt::L2capAddr>(&text)?;
        parse_checked::<sock_bt::RfcommAddr>(&text)?;
        parse_checked::<sock_bt::HciAddr>(&text)?;
        let l2 = [
            format!("{bd}/{}", n[0]),
            format!("{bd}/{}/{}", n[0], n[1]),
            format!("{bd}/{}/{}/{le}", n[0], n[1]),
        ];
        for t in &l2 {
            parse_checked::<sock_bt::L2capAddr>(t)?;
        }
        let rfcomm = format!("{bd}/{}", n[0]);
        parse_checked::<sock_bt::RfcommAddr>(&rfcomm)?;
        let hci = [dev.clone(), format!("{dev}/{chan}")];
        for t in &hci {
            parse_checked::<sock_bt::HciAddr>(t)?;
        }
        let inner = match proto {
            "l2cap" => l2[2].clone(),
            "rfcomm" => rfcomm,
            "hci" => hci[1].clone(),
            _ => bd,
        };
        parse_checked::<sock_bt::BtAddr>(&format!("{proto}:{inner}"))?;
    }

    #[test]
    fn tipc_decode(raw in sockaddr_of(libc::AF_TIPC)) {
        match sock_tipc::TipcAddr::try_from(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(<sock_tipc::TipcAddr as sock_core::FamilyAddr>::decode(&SockAddr::from(a)).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn tipc_text(
        text in any_text(),
        n in vec(dec(), 3),
        node in prop_oneof![Just(String::new()), dec().prop_map(|d| format!("@{d}"))],
        scope in prop_oneof![
            Just(String::new()), Just("/zone".to_string()), Just("/cluster".to_string()),
            Just("/node".to_string()), dec().prop_map(|d| format!("/{d}")), "/[a-z]{0,6}",
        ],
        shape in 0..3,
    ) {
        parse_checked::<sock_tipc::TipcAddr>(&text)?;
        parse_checked::<sock_tipc::TipcName>(&text)?;
        parse_checked::<sock_tipc::Scope>(&text)?;
        parse_checked::<sock_tipc::Scope>(scope.trim_start_matches('/'))?;
        let name = match shape {
            0 => format!("{{{},{},{}}}", n[0], n[1], n[2]),
            1 => format!("{{{},{}}}{node}", n[0], n[1]),
            _ => format!("<{}:{}>", n[0], n[1]),
        };
        parse_checked::<sock_tipc::TipcName>(&name)?;
        parse_checked::<sock_tipc::TipcAddr>(&format!("{name}{scope}"))?;
    }

    #[test]
    fn netlink_decode(raw in sockaddr_of(libc::AF_NETLINK)) {
        match <sock_netlink::NetlinkAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_netlink::NetlinkAddr::try_from(&SockAddr::from(a)).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn netlink_text(text in any_text(), pid in dec(), groups in hex_or_dec()) {
        parse_checked::<sock_netlink::NetlinkAddr>(&text)?;
        parse_checked::<sock_netlink::NetlinkAddr>(&format!("{pid}:{groups}"))?;
    }

    #[test]
    fn qipcrtr_decode(raw in sockaddr_of(sock_qipcrtr::AF_QIPCRTR)) {
        match <sock_qipcrtr::QipcrtrAddr as sock_core::FamilyAddr>::decode(&raw) {
            Ok(a) => {
                text_round_trip(&a)?;
                prop_assert_eq!(sock_qipcrtr::QipcrtrAddr::try_from(&SockAddr::from(a)).unwrap(), a);
            }
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput),
        }
    }

    #[test]
    fn qipcrtr_text(text in any_text(), node in dec(), port in dec()) {
        parse_checked::<sock_qipcrtr::QipcrtrAddr>(&text)?;
        parse_checked::<sock_qipcrtr::QipcrtrAddr>(&format!("{node}:{port}"))?;
    }

    /// The facade's `makesockaddr`: any bytes, any protocol; a decoded value prints as its
    /// family's text form, which parses back to it.
    #[test]
    fn facade_addr_decode(
        raw in prop_oneof![
            any_sockaddr(),
            prop_oneof![
                Just(libc::AF_INET), Just(libc::AF_INET6), Just(libc::AF_RDS), Just(libc::AF_UNIX),
                Just(libc::AF_CAN), Just(libc::AF_PACKET), Just(libc::AF_ALG), Just(libc::AF_VSOCK),
                Just(libc::AF_BLUETOOTH), Just(libc::AF_TIPC), Just(libc::AF_NETLINK), Just(sock_qipcrtr::AF_QIPCRTR),
            ].prop_flat_map(sockaddr_of),
        ],
        protocol in prop_oneof![0i32..10, any::<i32>()],
    ) {
        let addr = sock::Addr::decode_with(&raw, Protocol(protocol));
        let text = addr.to_string();
        match &addr {
            sock::Addr::None => prop_assert!(raw.is_empty()),
            sock::Addr::Inet(a) => {
                let plain = without_flowinfo(*a);
                prop_assert_eq!(plain.to_string().parse::<SocketAddr>().unwrap(), plain);
            }
            sock::Addr::Unix(a) => text_round_trip(a)?,
            sock::Addr::Can(sock_can::AnyCanAddr::Can(a)) => text_round_trip(a)?,
            sock::Addr::Can(sock_can::AnyCanAddr::IsoTp(a)) => text_round_trip(a)?,
            sock::Addr::Can(sock_can::AnyCanAddr::J1939(a)) => text_round_trip(a)?,
            sock::Addr::Packet(a) => text_round_trip(a)?,
            sock::Addr::Alg(a) => text_round_trip(a)?,
            sock::Addr::Vsock(a) => text_round_trip(a)?,
            sock::Addr::Bluetooth(a) => text_round_trip(a)?,
            sock::Addr::Tipc(a) => text_round_trip(a)?,
            sock::Addr::Netlink(a) => text_round_trip(a)?,
            sock::Addr::Qipcrtr(a) => text_round_trip(a)?,
            sock::Addr::Other(r) => prop_assert_eq!(r, &raw),
            other => return Err(TestCaseError::fail(format!("unexpected variant {other:?}"))),
        }
        prop_assert!(!text.is_empty() || matches!(addr, sock::Addr::Can(_) | sock::Addr::Unix(_)) , "{:?}", addr);
    }
}

// ---------------------------------------------------------------------------------------------
// CAN: ids, frames (text and bytes), BCM messages, J1939 reports
// ---------------------------------------------------------------------------------------------

/// Frame bytes: arbitrary, and of the exact sizes the kernel uses (16 classic, 72 FD, XL
/// header + data) with arbitrary contents.
fn frame_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..2100),
        vec(any::<u8>(), 16),
        vec(any::<u8>(), 72),
        (1usize..=2048).prop_flat_map(|n| vec(any::<u8>(), 12 + n)),
        // An XL header whose len field matches the data that follows.
        (any::<[u8; 8]>(), 1u16..=2048).prop_flat_map(|(head, n)| {
            vec(any::<u8>(), usize::from(n)).prop_map(move |data| {
                let mut b = head.to_vec();
                b.extend_from_slice(&n.to_ne_bytes());
                b.extend_from_slice(&[0, 0]);
                b.extend_from_slice(&data);
                b
            })
        }),
    ]
}

/// Text shaped like `cansend`'s frame syntax.
fn frame_text() -> impl Strategy<Value = String> {
    let id = prop_oneof!["[0-9a-fA-F]{0,9}", Just("20000080".to_string())];
    let sep = prop_oneof![Just("#"), Just("##"), Just("###")];
    let body = prop_oneof![
        "[0-9a-fA-F]{0,130}",
        "[0-9a-fA-F]([0-9a-fA-F]{2}\\.?){0,64}",
        "R[0-9a-fA-F]{0,2}",
        "[0-9a-fA-F]{0,3}:[0-9a-fA-F]{0,3}:[0-9a-fA-F]{0,9}#[0-9a-fA-F]{0,40}",
        "[ -~]{0,20}",
    ];
    (id, sep, body).prop_map(|(id, sep, body)| format!("{id}{sep}{body}"))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn can_id_text(text in prop_oneof![any_text(), "[0-9a-fA-F]{0,10}"], raw in any::<u32>()) {
        parse_checked::<sock_can::CanId>(&text)?;
        let id = sock_can::CanId::from_raw(raw);
        text_round_trip(&id)?;
        if let Ok(checked) = sock_can::CanId::new(raw) {
            text_round_trip(&checked)?;
        }
    }

    #[test]
    fn can_frame_text(text in prop_oneof![frame_text(), any_text()]) {
        match text.parse::<sock_can::Frame>() {
            Ok(f) => text_round_trip(&f)?,
            Err(e) => prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{:?} -> {}", text, e),
        }
    }

    #[test]
    fn can_frame_bytes(bytes in frame_bytes()) {
        if let Ok(f) = sock_can::Frame::from_bytes(&bytes) {
            let again = sock_can::Frame::from_bytes(&f.to_bytes()).unwrap();
            prop_assert_eq!(&again, &f);
            text_round_trip(&f)?;
        }
        if let Ok(f) = sock_can::ClassicFrame::from_bytes(&bytes) {
            prop_assert_eq!(sock_can::ClassicFrame::from_bytes(f.as_bytes()).unwrap(), f);
            let _ = f.to_string();
        }
        if let Ok(f) = sock_can::FdFrame::from_bytes(&bytes) {
            prop_assert_eq!(sock_can::FdFrame::from_bytes(f.as_bytes()).unwrap(), f);
            let _ = f.to_string();
        }
        if let Ok(f) = sock_can::XlFrame::from_bytes(&bytes) {
            prop_assert_eq!(sock_can::XlFrame::from_bytes(&f.to_bytes()).unwrap(), f.clone());
            let _ = f.to_string();
        }
    }

    #[test]
    fn can_bcm_decode(bytes in prop_oneof![
        vec(any::<u8>(), 0..1200),
        (0usize..=4, any::<bool>()).prop_flat_map(|(n, fd)| {
            vec(any::<u8>(), sock_can::BCM_HEAD_SIZE + n * if fd { 72 } else { 16 })
        }),
    ]) {
        if let Ok(msg) = sock_can::BcmMsg::decode(&bytes) {
            let encoded = msg.encode();
            prop_assert!(encoded.is_ok(), "{:?}", encoded);
            prop_assert_eq!(sock_can::BcmMsg::decode(&encoded.unwrap()).unwrap(), msg);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Netlink messages and attributes
// ---------------------------------------------------------------------------------------------

/// Walks attributes (and nested ones, a few levels deep) reading every typed accessor.
fn walk_attrs(iter: sock_netlink::msg::NlAttrIter<'_>, depth: u32, budget: &mut usize) {
    let mut iter = iter;
    for a in iter.by_ref() {
        *budget = budget.saturating_sub(1);
        if *budget == 0 {
            return;
        }
        let _ = (a.as_u8(), a.as_u16(), a.as_u32(), a.as_str());
        if depth < 4 {
            walk_attrs(a.attrs(), depth + 1, budget);
        }
    }
    let _ = iter.truncated();
}

/// Walks every message of `buf`; returns the messages that parsed.
fn walk_netlink(buf: &[u8]) -> Vec<sock_netlink::msg::NlMsg<'_>> {
    let mut out = Vec::new();
    let mut budget = 10_000;
    for (i, m) in sock_netlink::msg::NlMsgIter::new(buf).enumerate() {
        assert!(i <= buf.len() / 16, "more messages than the buffer holds");
        let Ok(m) = m else { continue };
        assert_eq!(m.payload.len() + 16, m.header.len as usize);
        let _ = m.is_done();
        let _ = m.status();
        for header_len in [0, 4, 8, 16, 17, usize::MAX] {
            walk_attrs(m.attrs(header_len), 0, &mut budget);
        }
        let _ = sock_netlink::route::IfInfoMsg::from_bytes(m.payload);
        let _ = sock_netlink::route::IfAddrMsg::from_bytes(m.payload);
        walk_attrs(sock_netlink::route::IfInfoMsg::attrs(m.payload), 0, &mut budget);
        walk_attrs(sock_netlink::route::IfAddrMsg::attrs(m.payload), 0, &mut budget);
        out.push(m);
    }
    out
}

/// An attribute to build: type, payload, and the attributes it wraps (if any, it is nested).
type AttrSpec = (u16, Vec<u8>, Vec<(u16, Vec<u8>)>);

/// One attribute to build.
fn nl_attr() -> impl Strategy<Value = AttrSpec> {
    (0u16..0x3fff, vec(any::<u8>(), 0..40), vec((0u16..0x3fff, vec(any::<u8>(), 0..16)), 0..3))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn netlink_any_bytes(bytes in vec(any::<u8>(), 0..600)) {
        walk_netlink(&bytes);
        let mut budget = 10_000;
        walk_attrs(sock_netlink::msg::NlAttrIter::new(&bytes), 0, &mut budget);
        let _ = sock_netlink::msg::NlMsgHdr::from_bytes(&bytes);
    }

    /// Messages built by `NlMsgBuilder` parse back to what was put in; the same bytes cut or
    /// with one byte changed never panic.
    #[test]
    fn netlink_built_then_mutated(
        msgs in vec((any::<u16>(), any::<u16>(), any::<u32>(), vec(any::<u8>(), 0..20), vec(nl_attr(), 0..5)), 1..4),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        xor in 1u8..=255,
    ) {
        let mut buf = Vec::new();
        let mut hdr_lens = Vec::new();
        for (ty, flags, seq, fixed, attrs) in &msgs {
            let mut b = sock_netlink::msg::NlMsgBuilder::new(*ty, *flags);
            b.set_seq(*seq);
            b.push_struct(fixed);
            for (aty, data, nested) in attrs {
                if nested.is_empty() {
                    b.push_attr(*aty, data).unwrap();
                } else {
                    let n = b.begin_nested(*aty);
                    for (nty, ndata) in nested {
                        b.push_attr(*nty, ndata).unwrap();
                    }
                    b.end_nested(n).unwrap();
                }
            }
            hdr_lens.push(fixed.len());
            buf.extend_from_slice(&b.into_bytes());
        }
        let parsed = walk_netlink(&buf);
        prop_assert_eq!(parsed.len(), msgs.len());
        for ((m, (ty, flags, seq, fixed, attrs)), hl) in parsed.iter().zip(&msgs).zip(&hdr_lens) {
            prop_assert_eq!((m.header.ty, m.header.flags, m.header.seq), (*ty, *flags, *seq));
            prop_assert_eq!(&m.payload[..fixed.len()], &fixed[..]);
            let mut iter = m.attrs(*hl);
            let got: Vec<_> = iter.by_ref().collect();
            prop_assert!(!iter.truncated());
            prop_assert_eq!(got.len(), attrs.len());
            for (a, (aty, data, nested)) in got.iter().zip(attrs) {
                prop_assert_eq!(a.ty, *aty);
                if nested.is_empty() {
                    prop_assert_eq!(a.data, &data[..]);
                } else {
                    prop_assert!(a.nested);
                    let inner: Vec<_> = a.attrs().map(|x| (x.ty, x.data.to_vec())).collect();
                    prop_assert_eq!(&inner, nested);
                }
            }
        }
        let at = cut.index(buf.len() + 1);
        walk_netlink(&buf[..at]);
        let i = flip.index(buf.len());
        buf[i] ^= xor;
        walk_netlink(&buf);
    }
}

// ---------------------------------------------------------------------------------------------
// Other fixed-layout decoders
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fixed_layout_decoders(bytes in vec(any::<u8>(), 0..128)) {
        let _ = sock_packet::AuxData::from_bytes(&bytes);
        let _ = sock_packet::TpacketStats::from_bytes(&bytes);
        if let Err(e) = sock_tipc::Subscription::from_bytes(&bytes) {
            prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{}", e);
        }
        if let Err(e) = sock_tipc::Event::from_bytes(&bytes) {
            prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{}", e);
        }
        let _ = sock_can::J1939Report::parse(&bytes);
        let _ = sock_inet::gro_segments(&bytes, bytes.first().map_or(0, |&b| usize::from(b))).count();
    }
}
