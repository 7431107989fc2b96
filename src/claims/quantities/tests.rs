use super::*;
use crate::claims::numbers::find_numbers;

fn quants(text: &str) -> Vec<(QKind, Qualifier, Option<f64>, Option<f64>)> {
    let mut t = Tokens::default();
    t.scan(text);
    let mut n = Vec::new();
    find_numbers(&t, &mut n);
    let mut q = Vec::new();
    quantities(&t, &n, &mut q);
    q.iter()
        .map(|q| (q.kind, q.qualifier, q.low, q.high))
        .collect()
}

fn one(text: &str) -> (QKind, Qualifier, Option<f64>, Option<f64>) {
    let q = quants(text);
    assert_eq!(q.len(), 1, "{text}: {q:?}");
    q[0]
}

use QKind::*;
use Qualifier as Q;

#[test]
fn qualifiers_become_intervals() {
    assert_eq!(
        one("أكثر من 2000 جندي"),
        (Count, Q::Above, Some(2000.0), None)
    );
    assert_eq!(one("ما يزيد على 50"), (Count, Q::Above, Some(50.0), None));
    assert_eq!(
        one("تزيد على 2.7 مليون"),
        (Count, Q::Above, Some(2.7e6), None)
    );
    assert_eq!(one("يتجاوز 300"), (Count, Q::Above, Some(300.0), None));
    assert_eq!(one("أقل من 10"), (Count, Q::Below, None, Some(10.0)));
    assert_eq!(one("دون 10"), (Count, Q::Below, None, Some(10.0)));
    let (_, q, lo, hi) = one("نحو ثمانية آلاف شخص");
    assert_eq!((q, lo, hi), (Q::About, Some(7200.0), Some(8800.0)));
    for w in ["حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "يناهز"]
    {
        assert_eq!(one(&format!("{w} 100")).1, Q::About, "{w}");
    }
    assert_eq!(one("100 تقريبا").1, Q::About);
    assert_eq!(
        one("32 شخصا على الأقل"),
        (Count, Q::AtLeast, Some(32.0), None)
    );
    assert_eq!(one("على الأقل 32"), (Count, Q::AtLeast, Some(32.0), None));
    assert_eq!(one("ما لا يقل عن 32"), (Count, Q::AtLeast, Some(32.0), None));
    assert_eq!(one("على الأكثر 9"), (Count, Q::AtMost, None, Some(9.0)));
    assert_eq!(one("ما لا يزيد على 9"), (Count, Q::AtMost, None, Some(9.0)));
    assert_eq!(one("حتى 40 شخصا"), (Count, Q::AtMost, None, Some(40.0)));
    assert_eq!(
        one("قتل فيها العشرات"),
        (Count, Q::Vague, Some(20.0), Some(100.0))
    );
}

#[test]
fn ranges() {
    assert_eq!(
        one("بين 10 و13 قتيلا"),
        (Count, Q::Range, Some(10.0), Some(13.0))
    );
    assert_eq!(
        one("ما بين 10 و13 قتيلا"),
        (Count, Q::Range, Some(10.0), Some(13.0))
    );
    assert_eq!(
        one("من 20 إلى 30 شخصا"),
        (Count, Q::Range, Some(20.0), Some(30.0))
    );
    assert_eq!(
        one("ملياري أو 3 مليارات دولار"),
        (Count, Q::Range, Some(2e9), Some(3e9))
    );
    assert_eq!(one("10-15 قتيلا"), (Count, Q::Range, Some(10.0), Some(15.0)));
}

#[test]
fn non_counts() {
    let kinds = |t: &str| quants(t).iter().map(|q| q.0).collect::<Vec<_>>();
    assert_eq!(kinds("في ديسمبر 1986، أخمدت"), [Year]);
    assert_eq!(kinds("في عام 2020 أو النزاع"), [Year]);
    assert_eq!(
        kinds("ثورات 2005 و2010 و2020 في قيرغيزستان"),
        [Year, Year, Year]
    );
    assert_eq!(kinds("من 1989 حتى 2019، قبل"), [Year, Year]);
    assert_eq!(kinds("عامي 2004 و2014"), [Year, Year]);
    assert_eq!(kinds("في 2019."), [Year]);
    assert_eq!(kinds("بين 10 و13 يناير الجاري"), [Date, Date]);
    assert_eq!(
        kinds("الثلاثاء 7 مايو 2024 05:53 مـ 28 شوال 1445 هـ"),
        [Date, Year, Time, Date, Year]
    );
    assert_eq!(kinds("حتى 10 يناير"), [Date]);
    assert_eq!(kinds("وفقًا للمادتين 2 و4 من معاهدة"), [Ref, Ref]);
    assert_eq!(kinds("القرار رقم 2254"), [Ref]);
    assert_eq!(kinds("المادة 5"), [Ref]);
    assert_eq!(kinds("الساعة 7 صباحا"), [Time]);
    assert_eq!(kinds("في 10/1/2022"), [Date, Date, Date]);
    assert_eq!(kinds("COVID-19"), [Identifier]);
    assert_eq!(kinds("الهاتف 0123456789"), [Phone]);
    assert_eq!(kinds("الدورة الـ21"), [Ordinal]);
    assert_eq!(kinds("2030 جنديا"), [Count]);
    assert_eq!(kinds("نحو 1300 مؤسسة"), [Count]);
    assert_eq!(kinds("أكثر من 2000، ثم"), [Count]);
}

#[test]
fn percentages_are_their_own_kind() {
    assert_eq!(one("30%").0, Percent);
    assert_eq!(one("30 ٪").0, Percent);
    assert_eq!(one("بنسبة 30 في المئة").0, Percent);
    assert_eq!(
        one("نحو 30 بالمئة"),
        (Percent, Q::About, Some(27.0), Some(33.0))
    );
}
