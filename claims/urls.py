from django.contrib.sitemaps.views import sitemap
from django.urls import path

from claims import feeds, views
from claims.sitemaps import SITEMAPS
from claims.sitemaps import index as sitemap_index

app_name = "claims"

# The public site's pages, served in each language (factcheck/urls.py puts them under
# i18n_patterns: English at the root, the others under /ar/, /fr/, /es/).
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("claims/", views.ClaimListView.as_view(), name="list"),
    path("claims/<int:pk>/", views.ClaimDetailView.as_view(), name="detail"),
    path("claims/<int:pk>/<slug:slug>/", views.ClaimDetailView.as_view(), name="detail-slug"),
    path(
        "claims/<int:claim_id>/evidence/<int:pk>/archived/",
        views.ArchivedCopyView.as_view(),
        name="archived-copy",
    ),
    path("deadlines/", views.DeadlineTrackerView.as_view(), name="deadlines"),
    path("claimants/<int:pk>/", views.ClaimantView.as_view(), name="claimant"),
    path("sources/<int:pk>/", views.SourceView.as_view(), name="source"),
    path("feeds/verdicts/rss/", feeds.VerdictsFeed(), name="feed-rss"),
    path("feeds/verdicts/atom/", feeds.VerdictsAtomFeed(), name="feed-atom"),
]

# The files crawlers read at the site's root, in no language: the sitemap names each page's
# translations.
site_files = [
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
