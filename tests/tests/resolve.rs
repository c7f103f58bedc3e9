#![cfg(feature = "resolve")]
//! sock-resolve against the system's resolver and its references: CPython's `socket` module
//! and `getent` read the same databases, so every answer is compared with theirs. Only the
//! local databases (`/etc/hosts`, `/etc/services`, `/etc/protocols`) and literal addresses
//! are used: no test depends on DNS.

use std::io;
use std::net::{IpAddr, SocketAddr, SocketAddrV6};
use std::process::Command;

use sock_core::{Family, Protocol, Type};
use sock_resolve::consts::*;
use sock_resolve::*;

fn require_python() -> bool {
    sock_tests::require("python3 as the reference implementation", sock_tests::have_program("python3"))
}

fn require_getent() -> bool {
    let probe = Command::new("getent").arg("protocols").arg("tcp").output().map(drop);
    sock_tests::require("getent (libc-bin)", probe)
}

fn getent(db: &str, key: &str) -> Option<String> {
    let out = Command::new("getent").args([db, key]).output().expect("run getent");
    out.status.success().then(|| String::from_utf8(out.stdout).expect("utf-8"))
}

/// Our getaddrinfo as the lines Python prints for its own (family type proto canon addr).
fn ours(host: Option<&str>, port: u16, family: i32, ty: i32, proto: i32, flags: i32) -> Vec<String> {
    getaddrinfo(host, port, family, ty, proto, flags)
        .unwrap()
        .iter()
        .map(|ai| {
            let addr = match ai.addr {
                SocketAddr::V4(a) => format!("('{}', {})", a.ip(), a.port()),
                SocketAddr::V6(a) => format!("('{}', {}, {}, {})", a.ip(), a.port(), a.flowinfo(), a.scope_id()),
            };
            format!("{} {} {} '{}' {}", ai.family.raw(), ai.ty.raw(), ai.protocol.raw(), ai.canonname, addr)
        })
        .collect()
}

const PY_GAI: &str = r#"
import socket, sys
host = None if sys.argv[1] == "-" else sys.argv[1]
for fam, ty, proto, canon, addr in socket.getaddrinfo(host, int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])):
    print(int(fam), int(ty), proto, repr(canon), repr(addr).replace('"', "'"))
"#;

fn python_gai(host: Option<&str>, port: u16, family: i32, ty: i32, proto: i32, flags: i32) -> Vec<String> {
    let args = [
        host.unwrap_or("-").to_owned(),
        port.to_string(),
        family.to_string(),
        ty.to_string(),
        proto.to_string(),
        flags.to_string(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    sock_tests::python(PY_GAI, &args).lines().map(str::to_owned).collect()
}

#[test]
fn getaddrinfo_equals_python() {
    if !require_python() {
        return;
    }
    /// host, port, family, type, protocol, flags
    type Case<'a> = (Option<&'a str>, u16, i32, i32, i32, i32);
    let cases: &[Case<'_>] = &[
        (Some("localhost"), 80, 0, libc::SOCK_STREAM, 0, 0),
        (Some("localhost"), 80, 0, 0, 0, AI_CANONNAME),
        (Some("127.0.0.1"), 8080, 0, 0, 0, 0),
        (Some("127.1"), 1, libc::AF_INET, 0, 0, 0),
        (Some("::1"), 443, libc::AF_INET6, libc::SOCK_DGRAM, 0, 0),
        (Some("ff02::1de:c0:face:8D"), 1234, libc::AF_INET6, libc::SOCK_DGRAM, libc::IPPROTO_UDP, 0),
        (Some("fe80::1%lo"), 7, 0, libc::SOCK_STREAM, 0, 0),
        (None, 80, 0, libc::SOCK_STREAM, 0, AI_PASSIVE),
        (None, 80, 0, libc::SOCK_STREAM, 0, 0),
        (Some("127.0.0.1"), 9, 0, libc::SOCK_DGRAM, libc::IPPROTO_UDPLITE, 0),
        (Some("::ffff:1.2.3.4"), 9, 0, 0, 0, AI_NUMERICHOST),
    ];
    for &(host, port, family, ty, proto, flags) in cases {
        assert_eq!(
            ours(host, port, family, ty, proto, flags),
            python_gai(host, port, family, ty, proto, flags),
            "{host:?}"
        );
    }
}

#[test]
fn getaddrinfo_reference_cases() {
    let v = getaddrinfo(Some("ff02::1de:c0:face:8D"), 1234, libc::AF_INET6, libc::SOCK_DGRAM, libc::IPPROTO_UDP, 0)
        .unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].addr, SocketAddr::V6(SocketAddrV6::new("ff02::1de:c0:face:8d".parse().unwrap(), 1234, 0, 0)));
    let passive = getaddrinfo(None, 80, libc::AF_INET, libc::SOCK_STREAM, 0, AI_PASSIVE).unwrap();
    assert_eq!(passive[0].addr, "0.0.0.0:80".parse().unwrap());
    let passive6 = getaddrinfo(None, 80, libc::AF_INET6, libc::SOCK_STREAM, 0, AI_PASSIVE).unwrap();
    assert_eq!(passive6[0].addr, "[::]:80".parse().unwrap());
    let lo = getaddrinfo(Some("localhost"), "http", libc::AF_INET, libc::SOCK_STREAM, 0, 0).unwrap();
    assert_eq!(lo[0].addr, "127.0.0.1:80".parse().unwrap());
    let canon =
        getaddrinfo(Some("localhost"), Service::None, libc::AF_INET, libc::SOCK_STREAM, 0, AI_CANONNAME).unwrap();
    assert_eq!(canon[0].canonname, "localhost");
    let scoped = getaddrinfo(Some("fe80::1%lo"), 7, libc::AF_INET6, libc::SOCK_STREAM, 0, 0).unwrap();
    let SocketAddr::V6(a) = scoped[0].addr else { panic!("v6") };
    assert_eq!(a.scope_id(), if_nametoindex("lo").unwrap());
}

#[test]
fn getaddrinfo_errors() {
    let code = |r: io::Result<Vec<AddrInfo>>| {
        let err = r.unwrap_err();
        ResolveError::from_io(&err).unwrap_or_else(|| panic!("a ResolveError inside: {err}")).code()
    };
    assert_eq!(code(getaddrinfo(Some("localhost"), 80, 0, 0, 0, AI_NUMERICHOST)), EAI_NONAME);
    assert_eq!(code(getaddrinfo(Some("::1"), 80, libc::AF_INET, 0, 0, 0)), EAI_ADDRFAMILY);
    assert_eq!(code(getaddrinfo(Some("127.0.0.1"), 80, 12345, 0, 0, 0)), EAI_FAMILY);
    assert_eq!(code(getaddrinfo(Some("127.0.0.1"), 80, 0, 0, 0, 0x7000_0000)), EAI_BADFLAGS);
    assert_eq!(code(getaddrinfo(Some("127.0.0.1"), "no-such-service", 0, libc::SOCK_STREAM, 0, 0)), EAI_SERVICE);
    assert_eq!(code(getaddrinfo(Some("127.0.0.1"), "http", 0, libc::SOCK_STREAM, 0, AI_NUMERICSERV)), EAI_NONAME);
    let nul = getaddrinfo(Some("local\0host"), 80, 0, 0, 0, 0).unwrap_err();
    let typed = ResolveError::from_io(&nul).unwrap();
    assert_eq!((typed.class(), typed.code()), (ResolveErrorClass::InvalidArgument, 0), "refused before libc");
    assert_eq!(nul.kind(), io::ErrorKind::InvalidInput);
    assert_eq!(nul.to_string(), "host: embedded null character");
    assert_eq!(code(getaddrinfo(Some("fe80::1%nosuchif"), 80, 0, 0, 0, 0)), EAI_NONAME);
    let err = getaddrinfo(Some("localhost"), 80, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert_eq!(err.to_string(), "getaddrinfo localhost:80: Name or service not known (EAI_NONAME)");
    let typed = ResolveError::from_io(&err).unwrap();
    assert_eq!(
        (typed.message(), typed.kind(), typed.class()),
        ("Name or service not known", io::ErrorKind::NotFound, ResolveErrorClass::AddrInfo)
    );
    // The kinds fit the codes: refused requests are InvalidInput, unknown services NotFound.
    let kind = |r: io::Result<Vec<AddrInfo>>| r.unwrap_err().kind();
    assert_eq!(kind(getaddrinfo(Some("127.0.0.1"), 80, 12345, 0, 0, 0)), io::ErrorKind::InvalidInput);
    assert_eq!(kind(getaddrinfo(Some("127.0.0.1"), 80, 0, 0, 0, 0x7000_0000)), io::ErrorKind::InvalidInput);
    let service = getaddrinfo(Some("127.0.0.1"), "no-such-service", 0, libc::SOCK_STREAM, 0, 0).unwrap_err();
    assert_eq!(service.kind(), io::ErrorKind::NotFound);
    assert_eq!(
        service.to_string(),
        "getaddrinfo 127.0.0.1:no-such-service: Servname not supported for ai_socktype (EAI_SERVICE)"
    );
    let family = getaddrinfo(Some("::1"), 80, Family::INET, Type::STREAM, None, 0).unwrap_err();
    assert_eq!(family.to_string(), "getaddrinfo [::1]:80: Address family for hostname not supported (EAI_ADDRFAMILY)");
}

#[test]
fn host_lookups_equal_getent() {
    if !require_getent() {
        return;
    }
    // `getent hosts <address>` is a reverse lookup (gethostbyaddr) in the hosts file: the name
    // of 127.0.0.1 there must be what gethostbyaddr gives, and a forward lookup of it must
    // come back to 127.0.0.1.
    let line = getent("hosts", "127.0.0.1").expect("127.0.0.1 in the hosts database");
    let mut words = line.split_whitespace();
    assert_eq!(words.next(), Some("127.0.0.1"));
    let name = words.next().expect("a name for 127.0.0.1");
    let ent = gethostbyaddr("127.0.0.1").unwrap();
    assert_eq!(ent.name, name);
    assert_eq!(ent.aliases, words.collect::<Vec<_>>());
    let forward = getaddrinfo(Some(name), Service::None, libc::AF_INET, libc::SOCK_STREAM, 0, 0).unwrap();
    assert!(forward.iter().any(|a| a.addr.ip() == IpAddr::from([127, 0, 0, 1])), "{forward:?}");
}

#[test]
fn getnameinfo_forms() {
    let f = NI_NUMERICHOST | NI_NUMERICSERV;
    assert_eq!(getnameinfo("127.0.0.1:80".parse().unwrap(), f).unwrap(), ("127.0.0.1".into(), "80".into()));
    let lo = if_nametoindex("lo").unwrap();
    let scoped = SocketAddr::V6(SocketAddrV6::new("fe80::1".parse().unwrap(), 1234, 0, lo));
    assert_eq!(getnameinfo(scoped, f).unwrap(), ("fe80::1%lo".into(), "1234".into()));
    let (_, serv) = getnameinfo("127.0.0.1:80".parse().unwrap(), NI_NUMERICHOST).unwrap();
    assert_eq!(serv, "http");
    // NI_NAMEREQD for an address without a name: see host_database_errors (no DNS here).
}

#[test]
fn getnameinfo_equals_python() {
    if !require_python() {
        return;
    }
    let py = sock_tests::python("import socket; print(*socket.getnameinfo(('127.0.0.1', 80), 0))", &[]);
    let (host, serv) = getnameinfo("127.0.0.1:80".parse().unwrap(), 0).unwrap();
    assert_eq!(format!("{host} {serv}"), py.trim());
}

#[test]
fn services_and_protocols() {
    assert_eq!(getservbyname("http", Some("tcp")).unwrap(), 80);
    assert_eq!(getservbyport(80, Some("tcp")).unwrap(), "http");
    assert_eq!(getprotobyname("icmp").unwrap(), Protocol::ICMP);
    assert_eq!(getprotobyname("udp").unwrap().raw(), 17);
    assert_eq!(
        getservbyname("no-such-service", Some("tcp")).unwrap_err().to_string(),
        "getservbyname no-such-service/tcp: service/proto not found"
    );
    assert_eq!(
        getservbyport(1, Some("no-such-proto")).unwrap_err().to_string(),
        "getservbyport 1/no-such-proto: port/proto not found"
    );
    let proto = getprotobyname("no-such-proto").unwrap_err();
    assert_eq!(proto.kind(), io::ErrorKind::NotFound);
    assert_eq!(proto.to_string(), "getprotobyname no-such-proto: protocol not found");
    assert_eq!(getservbyname("ht\0tp", None).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(getservbyname("http", Some("t\0cp")).unwrap_err().kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn services_and_protocols_equal_getent() {
    if !require_getent() {
        return;
    }
    for name in ["http", "https", "ssh", "domain", "ntp", "smtp"] {
        let line = getent("services", &format!("{name}/tcp")).or_else(|| getent("services", name)).expect(name);
        let port: u16 = line.split_whitespace().nth(1).unwrap().split('/').next().unwrap().parse().unwrap();
        let proto = line.split_whitespace().nth(1).unwrap().split('/').nth(1).unwrap().to_owned();
        assert_eq!(getservbyname(name, Some(&proto)).unwrap(), port, "{name}");
        assert_eq!(getservbyport(port, Some(&proto)).unwrap(), line.split_whitespace().next().unwrap(), "{name}");
    }
    for name in ["icmp", "tcp", "udp", "ipv6-icmp", "udplite", "sctp"] {
        let Some(line) = getent("protocols", name) else { continue };
        let number: i32 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        assert_eq!(getprotobyname(name).unwrap().raw(), number, "{name}");
    }
}

#[test]
fn host_database_equals_python() {
    // getfqdn() looks the host's own name up: in a private resolver, never through DNS.
    if !require_python() || !sock_tests::in_private_resolver("host_database_equals_python") {
        return;
    }
    let py = sock_tests::python(
        "import socket\nn, a, i = socket.gethostbyname_ex('localhost'); print(n, ','.join(a), ','.join(i))\n\
         n, a, i = socket.gethostbyaddr('127.0.0.1'); print(n, ','.join(a), ','.join(i))\n\
         print(socket.gethostbyname('localhost')); print(socket.gethostname()); print(socket.getfqdn())",
        &[],
    );
    let show = |e: &HostEnt| {
        let addrs: Vec<String> = e.addrs.iter().map(ToString::to_string).collect();
        format!("{} {} {}", e.name, e.aliases.join(","), addrs.join(","))
    };
    let mut lines = py.lines();
    assert_eq!(show(&gethostbyname_ex("localhost").unwrap()), lines.next().unwrap());
    assert_eq!(show(&gethostbyaddr("127.0.0.1").unwrap()), lines.next().unwrap());
    assert_eq!(gethostbyname("localhost").unwrap().to_string(), lines.next().unwrap());
    assert_eq!(gethostname().unwrap(), lines.next().unwrap());
    assert_eq!(getfqdn(""), lines.next().unwrap());
}

#[test]
fn host_database_errors() {
    // Unknown names and addresses are looked up in a private namespace whose resolver reads
    // only a private hosts file: no query leaves for DNS.
    if !sock_tests::in_private_resolver("host_database_errors") {
        return;
    }
    // An unknown name fails in getaddrinfo first, as in CPython (EAI_NONAME). An address
    // without a name is the host database's own error (h_errno HOST_NOT_FOUND).
    let err = gethostbyname_ex("no-such-host.invalid").unwrap_err();
    let typed = ResolveError::from_io(&err).expect("a typed resolver error");
    assert_eq!((typed.class(), typed.code()), (ResolveErrorClass::AddrInfo, EAI_NONAME), "{err}");
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert_eq!(err.to_string(), "gethostbyname_ex no-such-host.invalid: Name or service not known (EAI_NONAME)");
    let err = gethostbyaddr("192.0.2.1").unwrap_err();
    let typed = ResolveError::from_io(&err).expect("a typed resolver error");
    assert_eq!((typed.class(), typed.code()), (ResolveErrorClass::HostDb, 1), "h_errno HOST_NOT_FOUND: {err}");
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert_eq!(err.to_string(), "gethostbyaddr 192.0.2.1: Unknown host (HOST_NOT_FOUND)");
    let err = gethostbyname("no-such-host.invalid").unwrap_err();
    assert_eq!(err.to_string(), "gethostbyname no-such-host.invalid: Name or service not known (EAI_NONAME)");
    let named = getnameinfo("192.0.2.1:80".parse().unwrap(), NI_NAMEREQD | NI_NUMERICSERV).unwrap_err();
    assert_eq!(ResolveError::from_io(&named).map(ResolveError::code), Some(EAI_NONAME));
    assert_eq!(named.to_string(), "getnameinfo 192.0.2.1:80: Name or service not known (EAI_NONAME)");
    let host = gethostname().unwrap();
    assert_eq!(getfqdn(""), format!("{host}.sock.test"));
    assert_eq!(gethostbyname("a\0b").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(gethostbyname_ex("a\0b").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(gethostbyname("<broadcast>").unwrap().to_string(), "255.255.255.255");
    assert_eq!(gethostbyname("").unwrap().to_string(), "0.0.0.0");
    assert_eq!(getfqdn("no-such-host.invalid"), "no-such-host.invalid");
}

#[test]
fn interfaces_equal_python() {
    let ours = if_nameindex().unwrap();
    assert!(ours.iter().any(|(_, n)| n == "lo"));
    for (index, name) in &ours {
        assert_eq!(if_nametoindex(name).unwrap(), *index);
        assert_eq!(&if_indextoname(*index).unwrap(), name);
    }
    let missing = if_nametoindex("sinosuch0").unwrap_err();
    assert_eq!(missing.to_string(), "if_nametoindex sinosuch0: no such interface (ENODEV)");
    assert_eq!((missing.kind(), sock::errno(&missing)), (io::ErrorKind::NotFound, Some(libc::ENODEV)));
    assert_eq!(sock::errno(&if_indextoname(0).unwrap_err()), Some(libc::ENXIO));
    assert_eq!(if_nametoindex(&"x".repeat(1024)).unwrap_err().kind(), io::ErrorKind::NotFound);
    if !require_python() {
        return;
    }
    let py = sock_tests::python("import socket\nfor i, n in socket.if_nameindex(): print(i, n)", &[]);
    let ours_now: Vec<String> = if_nameindex().unwrap().iter().map(|(i, n)| format!("{i} {n}")).collect();
    assert_eq!(ours_now, py.lines().collect::<Vec<_>>());
}

#[test]
fn sethostname_in_a_private_uts_namespace() {
    if !sock_tests::require_root("sethostname (CAP_SYS_ADMIN in a new UTS namespace)") {
        return;
    }
    std::thread::spawn(|| {
        let probe = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUTS).map_err(io::Error::from);
        if !sock_tests::require("UTS namespaces (unshare CLONE_NEWUTS)", probe) {
            return;
        }
        sethostname("si-resolve-test").unwrap();
        assert_eq!(gethostname().unwrap(), "si-resolve-test");
        let long = sethostname(&"x".repeat(65)).unwrap_err();
        assert_eq!(sock::errno(&long), Some(libc::EINVAL));
        assert_eq!(long.to_string(), format!("sethostname {}: Invalid argument (EINVAL)", "x".repeat(65)));
    })
    .join()
    .unwrap();
}

#[test]
fn lookups_from_many_threads_agree() {
    let expected = (
        getaddrinfo(Some("localhost"), 80, libc::AF_INET, libc::SOCK_STREAM, 0, 0).unwrap(),
        getservbyname("https", Some("tcp")).unwrap(),
        getprotobyname("udp").unwrap(),
        gethostbyname_ex("localhost").unwrap(),
    );
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..100 {
                    let got = (
                        getaddrinfo(Some("localhost"), 80, libc::AF_INET, libc::SOCK_STREAM, 0, 0).unwrap(),
                        getservbyname("https", Some("tcp")).unwrap(),
                        getprotobyname("udp").unwrap(),
                        gethostbyname_ex("localhost").unwrap(),
                    );
                    assert_eq!(got, expected);
                }
            });
        }
    });
}

#[test]
fn constants_equal_python() {
    if !require_python() {
        return;
    }
    let ours: &[(&str, i32)] = &[
        ("EAI_ADDRFAMILY", EAI_ADDRFAMILY),
        ("EAI_AGAIN", EAI_AGAIN),
        ("EAI_BADFLAGS", EAI_BADFLAGS),
        ("EAI_FAIL", EAI_FAIL),
        ("EAI_FAMILY", EAI_FAMILY),
        ("EAI_MEMORY", EAI_MEMORY),
        ("EAI_NODATA", EAI_NODATA),
        ("EAI_NONAME", EAI_NONAME),
        ("EAI_OVERFLOW", EAI_OVERFLOW),
        ("EAI_SERVICE", EAI_SERVICE),
        ("EAI_SOCKTYPE", EAI_SOCKTYPE),
        ("EAI_SYSTEM", EAI_SYSTEM),
        ("AI_ADDRCONFIG", AI_ADDRCONFIG),
        ("AI_ALL", AI_ALL),
        ("AI_CANONNAME", AI_CANONNAME),
        ("AI_NUMERICHOST", AI_NUMERICHOST),
        ("AI_NUMERICSERV", AI_NUMERICSERV),
        ("AI_PASSIVE", AI_PASSIVE),
        ("AI_V4MAPPED", AI_V4MAPPED),
        ("NI_DGRAM", NI_DGRAM),
        ("NI_MAXHOST", NI_MAXHOST),
        ("NI_MAXSERV", NI_MAXSERV),
        ("NI_NAMEREQD", NI_NAMEREQD),
        ("NI_NOFQDN", NI_NOFQDN),
        ("NI_NUMERICHOST", NI_NUMERICHOST),
        ("NI_NUMERICSERV", NI_NUMERICSERV),
    ];
    let py = sock_tests::python(
        "import socket\nfor n in dir(socket):\n    if n.startswith(('EAI_', 'AI_', 'NI_')): print(n, int(getattr(socket, n)))",
        &[],
    );
    let mut seen = 0;
    for line in py.lines() {
        let (name, value) = line.split_once(' ').unwrap();
        let ours = ours.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(i64::from(ours.1), value.parse::<i64>().unwrap(), "{name}");
        seen += 1;
    }
    assert_eq!(seen, ours.len());
}
