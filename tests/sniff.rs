//! Every fixture sniffs as the kind its folder names, and so do small made-up snippets.

use vitae::sniff::sniff;
use vitae::Kind;

#[test]
fn fixtures_sniff_as_their_folder() {
    for p in crate::common::documents() {
        let text = std::fs::read_to_string(&p).unwrap();
        let (kind, reason) = sniff(&text);
        assert_eq!(
            Some(kind),
            crate::common::expected_kind(&p),
            "{}: {reason}",
            p.display()
        );
    }
}

const SNIPPETS: &[(Kind, &str)] = &[
    (Kind::Jekyll, "---\npermalink: /\ntitle: \"About\"\n---\n\nI am Jane.\n"),
    (Kind::Jekyll, "---\ntitle: \"Paper X\"\ncollection: publications\ndate: 2020-01-01\nvenue: 'ICML'\n---\nAbstract."),
    (Kind::Jekyll, "{% include base_path %}\n\n# Publications\n\n{% for post in site.publications %}{% endfor %}\n"),
    (Kind::Jekyll, "<span class='anchor' id='about-me'></span>\n{{ site.author.name }} is a student.\n{% if x %}y{% endif %}\n"),
    (Kind::Jekyll, "---\nlayout: archive\n---\n\n## Education\n* Ph.D in X, Univ, 2020\n"),
    (Kind::Markdown, "# Jane Doe\n\n## Education\n\n- **MIT**, PhD, 2020\n"),
    (Kind::Markdown, "# John Smith\njohn@x.org\n\n## Experience\n### Google\nEngineer, 2019 -- 2021\n"),
    (Kind::Markdown, "## EDUCATION\n\n---\n\n### Tsinghua University\n\nB.Eng. in CS\n\n## SKILLS\n\n**Python**, C++\n"),
    (Kind::Markdown, "# CV\n\n## Publications\n\n1. A. B, \"Title\", *ICML*, 2020.\n"),
    (Kind::Markdown, "Jane Doe\n\n# Education\n\n[MIT](https://mit.edu), 2020\n"),
    (Kind::Markdown, "**CURRICULUM VITAE**\n\n[]{#_Toc1 .anchor}**EDUCATION**\n\n+------+------+\n| 2014 | PhD |\n+------+------+\n\n**Scientist** (2021 -- present)\\\nKEMRI\n"),
    (Kind::Text, "Jane Doe\njane@x.org\n\nEDUCATION\nMIT\tCambridge, MA\nPh.D.\t2016 - 2020\n"),
    (Kind::Text, "John Smith\n\nExperience\n• Google, Engineer, 2019 – 2021\n○ Built things\n"),
    (Kind::Text, "Education\n\n- 2022–2026 **University of Sydney**,\nPh.D. in CS\n"),
    (Kind::Text, "CURRICULUM VITAE\n\nPUBLICATIONS\n1. A. Smith, B. Jones. Title. In Proc. X, 2020.\n"),
    (Kind::Text, "Name Surname\n(+1) 555 123 4567 | x@y.com\n\nSKILLS\nLanguages\tC, Python\n"),
    (Kind::Listing, "Jane Doe\n\nLG\n3papers\n\nLGJan 25, 2024Code\nTitle One\n\nA, B, C et al.\n\nAbstract.\n\nCVNov 20, 2020\nTitle Two\n\nD, E\n"),
    (Kind::Listing, "X\n\n99.9AIApr 13\nT1\n\nA, B et al.\n\n91.2LGMay 18\nT2\n\nC, D et al.\n"),
    (Kind::Listing, "<html><body><div class=\"paper\"><a href=\"https://arxiv.org/abs/1\">T</a></div></body></html>"),
    (Kind::Listing, "<!DOCTYPE html>\n<ul><li><a href='x'>Paper</a></li></ul>"),
    (Kind::Listing, "Name\n\nDCSep 19, 2023\nT1\n\nA, B\n\nCLOct 2, 2022\nT2\n\nC\n"),
];

#[test]
fn snippets_sniff_right() {
    for (want, text) in SNIPPETS {
        let (got, reason) = sniff(text);
        assert_eq!(got, *want, "{text:?}: {reason}");
    }
}
