//! The family contract, checked the same way for every family (issue 14), from one list:
//!
//! - every [`FamilyAddr`]: arbitrary bytes of its family decode without panicking, and what
//!   decodes round-trips typed → `SockAddr` → typed and typed → text → typed; its example
//!   value does too; an address of another family is refused with `InvalidInput`; arbitrary
//!   text never panics and a refusal is `InvalidInput`;
//! - every [`ProtocolSocket`]: it refuses a socket of the wrong family, type or protocol
//!   (`InvalidInput`), and, where the host kernel has the family, accepts its own kind.
//!
//! The list is in [`families!`]'s invocation at the bottom; a new family adds one line there.

use std::fmt::Debug;
use std::io;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sock::{Family, FamilyAddr, ProtocolSocket, SockAddr, Socket, Type};

fn cases() -> u32 {
    std::env::var("SOCK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// Arbitrary address bytes of `family`: every length the storage can hold, biased to short.
fn sockaddr_of(family: Family) -> impl Strategy<Value = SockAddr> {
    let family = u16::try_from(family.0).expect("families fit sa_family_t");
    prop_oneof![proptest::collection::vec(any::<u8>(), 0..40), proptest::collection::vec(any::<u8>(), 0..=126)]
        .prop_map(move |data| SockAddr::new(family, &data).expect("at most 126 data bytes fit"))
}

/// Typed → `SockAddr` → typed and typed → text → typed give the value back.
fn round_trips<A: FamilyAddr + PartialEq>(value: &A) -> Result<(), TestCaseError> {
    let raw = value.encode().map_err(|e| TestCaseError::fail(format!("{value:?} does not encode: {e}")))?;
    prop_assert_eq!(i32::from(raw.family()), A::FAMILY.0, "encode gives the type's family");
    let back = A::decode(&raw).map_err(|e| TestCaseError::fail(format!("{value:?} does not decode back: {e}")))?;
    prop_assert_eq!(&back, value, "typed -> SockAddr -> typed");
    let text = value.to_string();
    if A::FAMILY == Family::UNIX {
        // sock-core prints the families it knows with the family's own text form.
        prop_assert_eq!(raw.to_string(), text.clone(), "SockAddr's Display is the family's text form");
    }
    let parsed = text.parse::<A>().map_err(|e| TestCaseError::fail(format!("{text:?} does not parse: {e}")))?;
    prop_assert_eq!(&parsed, value, "typed -> text ({}) -> typed", text);
    Ok(())
}

/// The whole check of one address type; `example` must be a valid value of it.
fn check_addr<A: FamilyAddr + PartialEq + 'static>(example: A) {
    round_trips(&example).unwrap_or_else(|e| panic!("{}: example {example:?}: {e}", std::any::type_name::<A>()));
    let mut runner = TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    runner
        .run(&sockaddr_of(A::FAMILY), |raw| {
            match A::decode(&raw) {
                Ok(value) => round_trips(&value)?,
                Err(e) => prop_assert!(
                    matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData),
                    "{:?}: {}",
                    raw,
                    e
                ),
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<A>()));
    runner
        .run(&"\\PC{0,40}", |text| {
            if let Err(e) = text.parse::<A>() {
                prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{:?}: {}", text, e);
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{} text: {e}", std::any::type_name::<A>()));
    // Another family's address is refused, naming the mismatch.
    let other = if A::FAMILY == Family::INET { Family::UNIX } else { Family::INET };
    let foreign = SockAddr::new(u16::try_from(other.0).unwrap(), &[0; 30]).unwrap();
    let e = A::decode(&foreign).expect_err("a foreign family is refused");
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{}: {e}", std::any::type_name::<A>());
}

/// The wrong sockets are refused; the right one is accepted where the kernel has it.
fn check_socket<S: ProtocolSocket + Debug>() {
    let kind = S::KIND;
    // A socket of another family: a UNIX datagram socket always exists.
    let (wrong, _) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    if kind.family != Family::UNIX {
        let e = S::from_socket(wrong).expect_err("a socket of another family is refused");
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{}: {e}", kind.name);
    }
    match Socket::new(kind.family, kind.types[0], kind.protocol) {
        Ok(right) => {
            let typed = S::from_socket(right).unwrap_or_else(|e| panic!("{}: its own kind refused: {e}", kind.name));
            assert_eq!(typed.socket().family(), kind.family);
            let back: Socket = typed.into_inner();
            assert_eq!(back.ty(), kind.types[0]);
            // The right family with a type the kind does not take is refused too.
            let other_ty =
                [Type::STREAM, Type::DGRAM, Type::SEQPACKET, Type::RAW].into_iter().find(|t| !kind.types.contains(t));
            if let Some(ty) = other_ty {
                if let Ok(s) = Socket::new(kind.family, ty, kind.protocol) {
                    let e = S::from_socket(s).expect_err("a socket of another type is refused");
                    assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{}: {e}", kind.name);
                }
            }
        }
        Err(e) => {
            let probe: io::Result<()> = Err(e);
            sock_tests::require(&format!("{} sockets", kind.name), probe);
        }
    }
}

/// One test per family, generated from the list below: its example addresses and its typed
/// sockets.
macro_rules! conformance {
    ($($feature:literal $name:ident: addrs [$($addr:expr),* $(,)?] sockets [$($sock:ty),* $(,)?];)*) => {$(
        #[cfg(feature = $feature)]
        #[test]
        fn $name() {
            $(check_addr($addr);)*
            $(check_socket::<$sock>();)*
        }
    )*};
}

conformance! {
    "unix" unix: addrs [
        sock::unix::UnixAddr::abstract_name(b"conformance").unwrap(),
        sock::unix::UnixAddr::pathname("/tmp/conformance.sock").unwrap(),
        sock::unix::UnixAddr::unnamed(),
    ] sockets [];
    "vsock" vsock: addrs [sock::vsock::VsockAddr::new(2, 1234)] sockets [];
    "qipcrtr" qipcrtr: addrs [sock::qipcrtr::QipcrtrAddr::new(1, 1024)] sockets [];
    "netlink" netlink: addrs [sock::netlink::NetlinkAddr::new(1234, 0x11)] sockets [sock::netlink::NetlinkSocket];
    "packet" packet: addrs [sock::packet::PacketAddr::new(4_000_000u32, 0x0003)] sockets [sock::packet::PacketSocket];
    "alg" alg: addrs [
        sock::alg::AlgAddr::with_flags("skcipher", "cbc(aes)", 0, 0x80).unwrap(),
        sock::alg::AlgAddr::new("hash", "sha256").unwrap(),
    ] sockets [sock::alg::Hash, sock::alg::Skcipher];
    "tipc" tipc: addrs [
        sock::tipc::TipcAddr::service_range(2000, 200, 210).with_scope(sock::tipc::Scope::NODE),
        sock::tipc::TipcAddr::service(2000, 205),
        sock::tipc::TipcAddr::socket(4711, 3000),
    ] sockets [];
    "can" can: addrs [
        sock::can::CanAddr { interface: sock::Interface::Index(4_000_000) },
        sock::can::IsoTpAddr { interface: sock::Interface::Index(4_000_000), rx_id: 0x7e8, tx_id: 0x7e0 },
        sock::can::J1939Addr { interface: sock::Interface::Index(4_000_000), name: 0, pgn: 0x12300, addr: 0x80 },
    ] sockets [sock::can::CanSocket, sock::can::BcmSocket, sock::can::IsoTpSocket, sock::can::J1939Socket];
    "bt" bluetooth: addrs [
        sock::bt::L2capAddr::new(sock::bt::BdAddr::ANY, 0x1001).with_cid(0x40).with_addr_type(sock::bt::BDADDR_LE_PUBLIC),
        sock::bt::RfcommAddr::new(sock::bt::BdAddr::from_octets([1, 0x23, 0x45, 0x67, 0x89, 0xab]), 3),
        sock::bt::HciAddr::new(0).with_channel(sock::bt::HCI_CHANNEL_USER),
        sock::bt::ScoAddr::new(sock::bt::BdAddr::LOCAL),
    ] sockets [];
}

/// The address-of-another-family rule holds for every address form, at the socket: an INET
/// socket refuses each family's typed address before any syscall.
#[test]
fn every_family_address_is_refused_by_an_inet_socket() {
    let inet = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    #[allow(unused_mut)]
    let mut raws: Vec<SockAddr> = Vec::new();
    #[cfg(feature = "unix")]
    raws.push(sock::unix::UnixAddr::abstract_name(b"x").unwrap().encode().unwrap());
    #[cfg(feature = "vsock")]
    raws.push(sock::vsock::VsockAddr::new(2, 1).encode().unwrap());
    #[cfg(feature = "netlink")]
    raws.push(sock::netlink::NetlinkAddr::new(0, 0).encode().unwrap());
    #[cfg(feature = "qipcrtr")]
    raws.push(sock::qipcrtr::QipcrtrAddr::new(1, 2).encode().unwrap());
    #[cfg(feature = "alg")]
    raws.push(sock::alg::AlgAddr::new("hash", "sha256").unwrap().encode().unwrap());
    #[cfg(feature = "tipc")]
    raws.push(sock::tipc::TipcAddr::service(1, 2).encode().unwrap());
    #[cfg(feature = "can")]
    raws.push(sock::can::CanAddr { interface: sock::Interface::Index(1) }.encode().unwrap());
    #[cfg(feature = "bt")]
    raws.push(sock::bt::ScoAddr::new(sock::bt::BdAddr::ANY).encode().unwrap());
    #[cfg(feature = "packet")]
    raws.push(sock::packet::PacketAddr::new(1u32, 3).encode().unwrap());
    for raw in raws {
        let e = inet.bind(raw).expect_err("another family's address is refused");
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{e}");
        assert!(e.to_string().starts_with("bind: an AF_"), "{e}");
    }
}
