/** The accessibility statement, linked from every page's footer. */
export function AccessibilityPage(): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Accessibility statement</h1>
        <p class="govuk-body">
          This statement applies to Scrutineer, the service that publishes the agendas, papers and minutes of the
          council’s scrutiny committees.
        </p>
        <p class="govuk-body">
          We want as many people as possible to be able to use this service. For example, that means you should be able
          to:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard or speech recognition software</li>
          <li>listen to the service using a screen reader</li>
          <li>use every form without JavaScript</li>
        </ul>
        <p class="govuk-body">We have also made the text of the service as simple as possible to understand.</p>

        <h2 class="govuk-heading-l">How accessible this service is</h2>
        <p class="govuk-body">
          The web pages of this service aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA
          standard. Every page is checked with automated accessibility tests in a real browser each time the service
          changes.
        </p>
        <p class="govuk-body">
          Some papers published with agendas are documents written by other organisations, such as NHS bodies. These may
          not be fully accessible. If you need a paper in a different format, ask the committee’s clerk.
        </p>

        <h2 class="govuk-heading-l">Feedback and contact information</h2>
        <p class="govuk-body">
          If you need information on this service in a different format, such as accessible PDF, large print, easy read,
          audio recording or braille, or you need extra help to attend a meeting, contact the clerk of the committee.
          Their contact details are on each committee’s page.
        </p>

        <h2 class="govuk-heading-l">Reporting accessibility problems with this service</h2>
        <p class="govuk-body">
          We are always looking to improve the accessibility of this service. If you find any problems not listed on
          this page or think we are not meeting accessibility requirements, contact the clerk of the committee.
        </p>

        <h2 class="govuk-heading-l">Enforcement procedure</h2>
        <p class="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’).
          If you are not happy with how we respond to your complaint, contact the{' '}
          <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">
            Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 class="govuk-heading-l">Technical information about this service’s accessibility</h2>
        <p class="govuk-body">
          The council is committed to making its websites accessible, in accordance with the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 class="govuk-heading-m">Compliance status</h3>
        <p class="govuk-body">
          This service is designed to be fully compliant with the Web Content Accessibility Guidelines version 2.2 AA
          standard. Papers supplied by other organisations may not be.
        </p>

        <h2 class="govuk-heading-l">How we tested this service</h2>
        <p class="govuk-body">
          Each page is tested automatically with axe-core against the WCAG 2.2 A and AA rules in the Chromium browser,
          and forms are tested with the keyboard alone.
        </p>
      </div>
    </div>
  );
}
