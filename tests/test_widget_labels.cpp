// Widget labels between an article's paragraphs (tests/data/widget_labels.tsv):
// each, alone on its line between the third and fourth paragraph of a short
// scraped article in its language, is dropped, and the five paragraphs stay.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extract_support.h"

namespace {

struct Article {
  std::vector<std::string> before, after;  // three paragraphs, then two
};

// Short news articles the team wrote, one per language of the labels.
const std::map<std::string, Article>& articles() {
  static const std::map<std::string, Article> kArticles = {
      {"ar", Article{{"أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية جديدة للتطعيم ضد الإنفلونزا الموسمية، تستهدف أكثر من خمسة ملايين مواطن في مختلف المحافظات خلال الأسابيع المقبلة.",
                          "وقال المتحدث الرسمي باسم الوزارة في مؤتمر صحفي إن الحملة ستبدأ يوم الأحد المقبل وتستمر لمدة شهر كامل، مشيرا إلى أن اللقاحات متوفرة في جميع المراكز الصحية مجانا.",
                          "وأضاف أن الأولوية ستكون لكبار السن والأطفال والحوامل وأصحاب الأمراض المزمنة، داعيا المواطنين إلى التوجه لأقرب مركز صحي دون انتظار."},
                         {"وأوضح أن الوزارة جهزت فرقا متنقلة للوصول إلى القرى النائية والمناطق البعيدة عن المدن، لضمان حصول الجميع على اللقاح في الوقت المناسب.",
                          "ومن المتوقع أن تسهم الحملة في خفض أعداد الإصابات بنسبة كبيرة مقارنة بالعام الماضي، بحسب تقديرات خبراء الصحة العامة في البلاد."}}},
      {"en", Article{{"The health ministry announced on Monday a national campaign to vaccinate more than five million people against seasonal influenza over the coming weeks.",
                          "A spokesman told reporters that the campaign would begin next Sunday and run for a full month, adding that vaccines would be available free of charge at every clinic.",
                          "Priority will go to the elderly, children, pregnant women and people with chronic illnesses, he said, urging residents to visit their nearest clinic without delay."},
                         {"He said mobile teams had been prepared to reach remote villages far from the cities, so that everyone could receive the vaccine in good time.",
                          "The campaign is expected to cut the number of infections sharply compared with last year, according to estimates by public health experts."}}},
      {"fa", Article{{"وزارت بهداشت امروز از آغاز یک پویش ملی برای واکسیناسیون آنفلوانزای فصلی خبر داد که بیش از پنج میلیون نفر را در استان‌های مختلف کشور در هفته‌های آینده پوشش می‌دهد.",
                          "سخنگوی وزارتخانه در یک نشست خبری گفت این پویش از یکشنبه آینده آغاز می‌شود و یک ماه کامل ادامه دارد و واکسن در همه مراکز بهداشتی به صورت رایگان در دسترس است.",
                          "او افزود اولویت با سالمندان، کودکان، زنان باردار و بیماران مزمن است و از مردم خواست بدون معطلی به نزدیک‌ترین مرکز بهداشتی مراجعه کنند."},
                         {"به گفته او، تیم‌های سیار برای رسیدن به روستاهای دورافتاده آماده شده‌اند تا همه مردم بتوانند در زمان مناسب واکسن دریافت کنند.",
                          "انتظار می‌رود این پویش تعداد مبتلایان را در مقایسه با سال گذشته به میزان قابل توجهی کاهش دهد."}}},
      {"fr", Article{{"Le ministère de la Santé a annoncé lundi le lancement d'une campagne nationale de vaccination contre la grippe saisonnière, qui doit toucher plus de cinq millions de personnes dans les semaines à venir.",
                          "Selon un porte-parole, la campagne commencera dimanche prochain et durera un mois entier, et les vaccins seront disponibles gratuitement dans tous les centres de santé du pays.",
                          "La priorité sera donnée aux personnes âgées, aux enfants, aux femmes enceintes et aux malades chroniques, a-t-il précisé, en invitant chacun à se rendre sans tarder au centre le plus proche."},
                         {"Des équipes mobiles ont été préparées pour atteindre les villages isolés, afin que chacun puisse recevoir le vaccin à temps.",
                          "La campagne devrait réduire nettement le nombre d'infections par rapport à l'an dernier, selon les estimations des experts de santé publique."}}},
      {"es", Article{{"El Ministerio de Sanidad anunció el lunes una campaña nacional de vacunación contra la gripe estacional que llegará a más de cinco millones de personas en las próximas semanas.",
                          "Un portavoz explicó que la campaña comenzará el próximo domingo y durará un mes completo, y que las vacunas estarán disponibles de forma gratuita en todos los centros de salud.",
                          "La prioridad será para los mayores, los niños, las embarazadas y los enfermos crónicos, añadió, e invitó a todos a acudir cuanto antes a su centro más cercano."},
                         {"Se han preparado equipos móviles para llegar a los pueblos más alejados, de modo que todos puedan recibir la vacuna a tiempo.",
                          "Se espera que la campaña reduzca de forma notable el número de contagios respecto al año pasado, según los expertos en salud pública."}}},
      {"de", Article{{"Das Gesundheitsministerium hat am Montag eine landesweite Impfkampagne gegen die saisonale Grippe angekündigt, die in den kommenden Wochen mehr als fünf Millionen Menschen erreichen soll.",
                          "Ein Sprecher sagte, die Kampagne beginne am kommenden Sonntag und dauere einen ganzen Monat, die Impfstoffe seien in allen Gesundheitszentren kostenlos erhältlich.",
                          "Vorrang hätten ältere Menschen, Kinder, Schwangere und chronisch Kranke, fügte er hinzu und rief alle auf, ohne Verzögerung das nächste Zentrum aufzusuchen."},
                         {"Mobile Teams seien vorbereitet worden, um auch abgelegene Dörfer zu erreichen, damit alle den Impfstoff rechtzeitig erhalten könnten.",
                          "Die Kampagne soll die Zahl der Infektionen im Vergleich zum Vorjahr deutlich senken, so die Schätzungen von Experten für öffentliche Gesundheit."}}},
  };
  return kArticles;
}

}  // namespace

TEST(WidgetLabels, EachDropsAndTheArticleStaysWhole) {
  std::ifstream in(WINNOW_TEST_DATA "/widget_labels.tsv");
  ASSERT_TRUE(in) << "tests/data/widget_labels.tsv";
  int tested = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string lang = line.substr(0, tab), label = line.substr(tab + 1);
    const auto found = articles().find(lang);
    ASSERT_NE(found, articles().end()) << "no article in " << lang;
    const Article& a = found->second;
    std::string page;
    for (const std::string& p : a.before) page += p + "\n";
    page += label + "\n";
    for (const std::string& p : a.after) page += p + "\n";
    const std::string out = winnow_test::clean(page);
    EXPECT_EQ(out.find(label + "\n"), std::string::npos) << lang << ": kept \"" << label << "\"";
    for (const std::string& p : a.before) EXPECT_NE(out.find(p), std::string::npos) << lang << ": lost a paragraph with \"" << label << "\"";
    for (const std::string& p : a.after) EXPECT_NE(out.find(p), std::string::npos) << lang << ": lost a paragraph after \"" << label << "\"";
    ++tested;
  }
  EXPECT_GT(tested, 200);
}
